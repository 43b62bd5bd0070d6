using IntegrationGateway.ContractTool;

return await Cli.RunAsync(args, Console.Out, Console.Error);
