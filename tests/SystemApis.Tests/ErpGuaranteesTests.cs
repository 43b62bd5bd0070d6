using IntegrationGateway.TestSupport.Hosting;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>The ERP's guarantees, asserted once and run on every store the product supports.</summary>
public abstract class ErpGuarantees
{
    protected abstract ServiceHost<SystemApisEntryPoint> Erp { get; }

    [Fact] public Task ConcurrentReservationsNeverExceedSellableStock() => ErpScenarios.ConcurrentReservationsNeverExceedSellableStock(Erp);
    [Fact] public Task AReplayedKeyGetsTheFirstAnswerAndAnotherBodyIs422() => ErpScenarios.AReplayedKeyGetsTheFirstAnswerAndAnotherBodyIs422(Erp);
    [Fact] public Task ARefusedReservationIsReplayedAsARefusal() => ErpScenarios.ARefusedReservationIsReplayedAsARefusal(Erp);
    [Fact] public Task ReleaseGivesBackEveryReservationOfAReferenceOnce() => ErpScenarios.ReleaseGivesBackEveryReservationOfAReferenceOnce(Erp);
    [Fact] public Task AnAdjustmentCannotTakeOnHandBelowCommittedStock() => ErpScenarios.AnAdjustmentCannotTakeOnHandBelowCommittedStock(Erp);
    [Fact] public Task EveryBalanceVersionMovesWithEachChange() => ErpScenarios.EveryBalanceVersionMovesWithEachChange(Erp);
    [Fact] public Task InvalidRequestsAreProblemsAndChangeNothing() => ErpScenarios.InvalidRequestsAreProblemsAndChangeNothing(Erp);
    [Fact] public Task EveryBalanceEqualsTheSumOfItsLedgerRows() => ErpScenarios.EveryBalanceEqualsTheSumOfItsLedgerRows(Erp);
}

public sealed class ErpOnSqliteTests(ErpOnSqliteFixture fixture) : ErpGuarantees, IClassFixture<ErpOnSqliteFixture>
{
    protected override ServiceHost<SystemApisEntryPoint> Erp => fixture.Erp;
}

public sealed class ErpOnPostgresTests(ErpOnPostgresFixture fixture) : ErpGuarantees, IClassFixture<ErpOnPostgresFixture>
{
    protected override ServiceHost<SystemApisEntryPoint> Erp => fixture.Erp;
}
