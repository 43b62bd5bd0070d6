namespace IntegrationGateway.ContractTool.Diff.Schemas;

/// <summary>Which way data flows: a change that narrows what a client may send breaks requests, one that widens
/// what a server may return breaks responses.</summary>
internal enum Direction
{
    Request,
    Response,
}
