namespace Samverkan.SharedKernel.Statistics;

// A published count: either its value or "suppressed" (1 .. threshold−1 people, never shown).
public readonly record struct PublishedCount(int Value, bool Suppressed)
{
    public static PublishedCount Shown(int value) => new(value, false);

    public static readonly PublishedCount Hidden = new(0, true);
}

// Small-count suppression (röjandeskydd), the one rule for every published statistic of the
// platform. The smallest municipalities have about 6 800 inhabitants: a count of 1 or 2 people of
// one kind in one municipality and period can point at a person.
// - Primary: every count from 1 to threshold−1 is suppressed; 0 is shown (it discloses nobody).
// - Secondary: in a table whose total is published, a single suppressed cell could be computed as
//   total minus the shown cells, so the smallest other non-zero cell is suppressed too.
public static class SmallCounts
{
    // Counts 1–4 are suppressed unless a service configures otherwise (verify against the county's practice).
    public const int DefaultThreshold = 5;

    public static PublishedCount Single(int count, int threshold) =>
        count > 0 && count < threshold ? PublishedCount.Hidden : PublishedCount.Shown(count);

    // cells: one table whose cells add up to a total that is published elsewhere (totalPublished).
    public static IReadOnlyList<PublishedCount> Table(IReadOnlyList<int> cells, int threshold, bool totalPublished)
    {
        var hidden = cells.Select(c => c > 0 && c < threshold).ToArray();
        if (totalPublished && hidden.Count(h => h) == 1)
        {
            var next = Enumerable.Range(0, cells.Count)
                .Where(i => !hidden[i] && cells[i] > 0)
                .OrderBy(i => cells[i])
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (next is { } index) hidden[index] = true;
        }
        return cells.Select((c, i) => hidden[i] ? PublishedCount.Hidden : PublishedCount.Shown(c)).ToList();
    }
}
