using Samverkan.DischargeNotices.Domain.Payment;
using Samverkan.DischargeNotices.Tests.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Domain.PaymentCalculatorTests;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

// Issue #16.8: under the monthly-average model a case has no charge of its own; the answer says
// so, and which month's statement carries it, instead of a bare 0 that reads "nothing to pay".
public sealed class CasePaymentAnswerTests
{
    private static readonly DailyAmountTable Amounts = new(new Dictionary<int, long> { [2023] = 10_500 });

    [Fact]
    public void Under_the_monthly_average_model_the_answer_names_the_statement_month_that_carries_the_charge()
    {
        var @case = Stay(Sweden.At(2023, 3, 27, 10, 0), Sweden.At(2023, 4, 3, 9, 0));
        var average = new PaymentAgreement { Id = "dalarna", Model = PaymentModel.MonthlyAverage };

        var payment = PaymentCalculator.Calculate(@case, average, Amounts, Sweden.Day(2023, 5, 1));

        Assert.Equal(PaymentChargeBasis.MonthlyStatement, payment.ChargeBasis);
        Assert.Equal(Sweden.Day(2023, 4, 1), payment.StatementMonth);
        Assert.Equal(7, payment.ReadyDayCount);
        Assert.Equal(0, payment.AmountSek);
        Assert.Contains("monthly statement", payment.Explanation);
        Assert.Contains("2023-04", payment.Explanation);
    }

    [Fact]
    public void While_the_stay_is_open_the_statement_month_is_not_known_yet()
    {
        var @case = Samverkan.DischargeNotices.Tests.Unit.Support.Scenario.Admit(Sweden.At(2023, 3, 20, 8, 0));
        Samverkan.DischargeNotices.Tests.Unit.Support.Scenario.Ready(@case, Sweden.At(2023, 3, 27, 10, 0));

        var payment = PaymentCalculator.Calculate(@case, new PaymentAgreement { Model = PaymentModel.MonthlyAverage }, Amounts, Sweden.Day(2023, 3, 30));

        Assert.Equal(PaymentChargeBasis.MonthlyStatement, payment.ChargeBasis);
        Assert.Null(payment.StatementMonth);
        Assert.Contains("the month the stay ends", payment.Explanation);
    }

    [Fact]
    public void Under_the_individual_model_the_case_carries_its_own_charge()
    {
        var payment = PaymentCalculator.Calculate(Stay(Sweden.At(2023, 3, 6, 10, 0), Sweden.At(2023, 3, 10, 11, 0)), new PaymentAgreement(), Amounts, Sweden.Day(2023, 4, 1));

        Assert.Equal(PaymentChargeBasis.Case, payment.ChargeBasis);
        Assert.Equal(10_500, payment.AmountSek);
    }
}
