namespace IntegrationGateway.ContractTool.Reports;

/// <summary>
/// One reported change (diff) or rule violation (lint): a stable id reviewers and tools can key on, its level,
/// the operation it concerns ("GET /storefront/v1/orders/{id}", or empty for the whole document) and a message.
/// </summary>
public sealed record Finding(string Id, Level Level, string Operation, string Message);
