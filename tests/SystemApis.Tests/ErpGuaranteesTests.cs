using IntegrationGateway.TestSupport.Hosting;
using Xunit.Abstractions;

namespace IntegrationGateway.SystemApis.Tests;

/// <summary>The ERP's guarantees, asserted once and run on every store the product supports.</summary>
public abstract class ErpGuarantees(ITestOutputHelper output)
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
    [Fact] public Task LedgerPagesNeverSkipOrRepeatARowWhileRowsAreAppended() => ErpScenarios.LedgerPagesNeverSkipOrRepeatARowWhileRowsAreAppended(Erp);
    [Fact] public Task ItemPagesVisitEverySkuOnceInSkuOrder() => ErpScenarios.ItemPagesVisitEverySkuOnceInSkuOrder(Erp);
    [Fact] public Task MalformedLedgerQueriesAreProblems() => ErpScenarios.MalformedLedgerQueriesAreProblems(Erp);
    [Fact] public Task EveryLedgerRowNamesItsSourceAndAReplayAddsNone() => ErpScenarios.EveryLedgerRowNamesItsSourceAndAReplayAddsNone(Erp);
    [Fact] public Task AnEventDeliveredFiveTimesAtOnceIsAppliedOnce() => ErpScenarios.AnEventDeliveredFiveTimesAtOnceIsAppliedOnce(Erp);
    [Fact] public Task AnOlderEventIsRecordedAsStaleAndNeverOverwritesNewerState() => ErpScenarios.AnOlderEventIsRecordedAsStaleAndNeverOverwritesNewerState(Erp);
    [Fact] public Task SequencesAreIndependentPerSourceAndPerBalance() => ErpScenarios.SequencesAreIndependentPerSourceAndPerBalance(Erp);
    [Fact] public Task ACountSetsOnHandAndNeverSubtractsOpenReservationsAgain() => ErpScenarios.ACountSetsOnHandAndNeverSubtractsOpenReservationsAgain(Erp);
    [Fact] public Task ACountAtAnotherVersionIsAConflictAndChangesNothing() => ErpScenarios.ACountAtAnotherVersionIsAConflictAndChangesNothing(Erp);
    [Fact] public Task ACountBelowCommittedStockIsRefused() => ErpScenarios.ACountBelowCommittedStockIsRefused(Erp);
    [Fact] public Task InvalidEventsAreProblemsAndChangeNothing() => ErpScenarios.InvalidEventsAreProblemsAndChangeNothing(Erp);
    [Fact] public Task APurchaseOrderIsInboundUntilReceivedAndAnExcessStillLandsOnHand() => ErpScenarios.APurchaseOrderIsInboundUntilReceivedAndAnExcessStillLandsOnHand(Erp);
    [Fact] public Task ATransferIsInTransitAtTheReceiverUntilReceived() => ErpScenarios.ATransferIsInTransitAtTheReceiverUntilReceived(Erp);
    [Fact] public Task AReturnIsInInspectionUntilItsDisposition() => ErpScenarios.AReturnIsInInspectionUntilItsDisposition(Erp);
    [Fact] public Task DamagedStockIsNeverTakenFromCommittedStockAndIsScrapped() => ErpScenarios.DamagedStockIsNeverTakenFromCommittedStockAndIsScrapped(Erp);
    [Fact] public Task SafetyStockIsSetAbsolutelyAndLowersAvailable() => ErpScenarios.SafetyStockIsSetAbsolutelyAndLowersAvailable(Erp);
    [Fact] public Task InvalidMovementsNameTheFailingFieldAndChangeNothing() => ErpScenarios.InvalidMovementsNameTheFailingFieldAndChangeNothing(Erp);
    [Fact] public Task RebuildEqualsLiveAfterTenThousandRandomOperations() => ErpScenarios.RebuildEqualsLiveAfterTenThousandRandomOperations(Erp, output.WriteLine);
    [Fact] public Task CountsRacingReservationsAndReleasesOfOneBalanceAllComplete() => ErpScenarios.CountsRacingReservationsAndReleasesOfOneBalanceAllComplete(Erp);
    [Fact] public Task ATransferMovesHoldsToAnOrderWithoutReleasingAUnit() => ErpScenarios.ATransferMovesHoldsToAnOrderWithoutReleasingAUnit(Erp);
    [Fact] public Task ATransferOfOtherLinesThanHeldMovesNothing() => ErpScenarios.ATransferOfOtherLinesThanHeldMovesNothing(Erp);
    [Fact] public Task ATransferRacingReleasesAndReservationsNeverLosesOrOversellsAUnit() => ErpScenarios.ATransferRacingReleasesAndReservationsNeverLosesOrOversellsAUnit(Erp);
    [Fact] public Task RebuildReportsATamperedBalanceAndHealsItOnlyWhenAsked() => ErpScenarios.RebuildReportsATamperedBalanceAndHealsItOnlyWhenAsked(Erp);
}

public sealed class ErpOnSqliteTests(ErpOnSqliteFixture fixture, ITestOutputHelper output) : ErpGuarantees(output), IClassFixture<ErpOnSqliteFixture>
{
    protected override ServiceHost<SystemApisEntryPoint> Erp => fixture.Erp;
}

public sealed class ErpOnPostgresTests(ErpOnPostgresFixture fixture, ITestOutputHelper output) : ErpGuarantees(output), IClassFixture<ErpOnPostgresFixture>
{
    protected override ServiceHost<SystemApisEntryPoint> Erp => fixture.Erp;
}
