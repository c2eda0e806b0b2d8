namespace Samverkan.Portal.Components.Analyst;

// One bar of a chart: a value to draw, or only a text (a suppressed or missing figure is never
// drawn as a length, so nothing can be measured off the chart that the table does not show).
public sealed record ChartBar(string Label, double? Value, string Text);
