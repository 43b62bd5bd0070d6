namespace IntegrationGateway.ServiceDefaults.Storage;

public enum SqlProvider
{
    Sqlite,
    Postgres,
}
