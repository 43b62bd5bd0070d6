namespace IntegrationGateway.SystemApis.Tests;

public sealed class ErpOnSqliteTests(ErpOnSqliteFixture fixture) : IClassFixture<ErpOnSqliteFixture>
{
    [Fact] public Task ConcurrentReservationsNeverExceedSellableStock() => ErpScenarios.ConcurrentReservationsNeverExceedSellableStock(fixture.Erp);
    [Fact] public Task AReplayedKeyGetsTheFirstAnswerAndAnotherBodyIs422() => ErpScenarios.AReplayedKeyGetsTheFirstAnswerAndAnotherBodyIs422(fixture.Erp);
    [Fact] public Task ARefusedReservationIsReplayedAsARefusal() => ErpScenarios.ARefusedReservationIsReplayedAsARefusal(fixture.Erp);
    [Fact] public Task ReleaseGivesBackEveryReservationOfAReferenceOnce() => ErpScenarios.ReleaseGivesBackEveryReservationOfAReferenceOnce(fixture.Erp);
    [Fact] public Task AnAdjustmentCannotTakeOnHandBelowCommittedStock() => ErpScenarios.AnAdjustmentCannotTakeOnHandBelowCommittedStock(fixture.Erp);
    [Fact] public Task EveryBalanceVersionMovesWithEachChange() => ErpScenarios.EveryBalanceVersionMovesWithEachChange(fixture.Erp);
    [Fact] public Task InvalidRequestsAreProblemsAndChangeNothing() => ErpScenarios.InvalidRequestsAreProblemsAndChangeNothing(fixture.Erp);
    [Fact] public Task EveryBalanceEqualsTheSumOfItsLedgerRows() => ErpScenarios.EveryBalanceEqualsTheSumOfItsLedgerRows(fixture.Erp);
}

public sealed class ErpOnPostgresTests(ErpOnPostgresFixture fixture) : IClassFixture<ErpOnPostgresFixture>
{
    [Fact] public Task ConcurrentReservationsNeverExceedSellableStock() => ErpScenarios.ConcurrentReservationsNeverExceedSellableStock(fixture.Erp);
    [Fact] public Task AReplayedKeyGetsTheFirstAnswerAndAnotherBodyIs422() => ErpScenarios.AReplayedKeyGetsTheFirstAnswerAndAnotherBodyIs422(fixture.Erp);
    [Fact] public Task ARefusedReservationIsReplayedAsARefusal() => ErpScenarios.ARefusedReservationIsReplayedAsARefusal(fixture.Erp);
    [Fact] public Task ReleaseGivesBackEveryReservationOfAReferenceOnce() => ErpScenarios.ReleaseGivesBackEveryReservationOfAReferenceOnce(fixture.Erp);
    [Fact] public Task AnAdjustmentCannotTakeOnHandBelowCommittedStock() => ErpScenarios.AnAdjustmentCannotTakeOnHandBelowCommittedStock(fixture.Erp);
    [Fact] public Task EveryBalanceVersionMovesWithEachChange() => ErpScenarios.EveryBalanceVersionMovesWithEachChange(fixture.Erp);
    [Fact] public Task InvalidRequestsAreProblemsAndChangeNothing() => ErpScenarios.InvalidRequestsAreProblemsAndChangeNothing(fixture.Erp);
    [Fact] public Task EveryBalanceEqualsTheSumOfItsLedgerRows() => ErpScenarios.EveryBalanceEqualsTheSumOfItsLedgerRows(fixture.Erp);
}
