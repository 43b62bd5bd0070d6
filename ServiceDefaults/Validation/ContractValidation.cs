using System.ComponentModel.DataAnnotations;
using System.Reflection;
using IntegrationGateway.ServiceDefaults.Idempotency;
using IntegrationGateway.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace IntegrationGateway.ServiceDefaults.Validation;

/// <summary>
/// The gate every endpoint of a group passes before its handler runs, declared once on the group so a new endpoint
/// cannot forget it: the Idempotency-Key (when the endpoint takes one), then each parameter's contract bounds (data
/// annotations on the handler's parameters, which the served document shows too), then the body's. The first
/// refusal is the answer, so a refused request reaches nothing that could change.
/// </summary>
public static class ContractValidation
{
    public static TBuilder WithContractValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Create);

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var checks = factory.MethodInfo.GetParameters().Select(Check.Of).ToArray();
        if (checks.All(c => c is null))
        {
            return next;
        }
        return async invocation =>
        {
            if (Refusal(checks, invocation.Arguments, invocation.HttpContext.Request.Query) is { } refusal)
            {
                return refusal;
            }
            return await next(invocation);
        };
    }

    private static IResult? Refusal(Check?[] checks, IList<object?> arguments, IQueryCollection query)
    {
        for (var i = 0; i < checks.Length; i++)
        {
            if (checks[i] is { IsIdempotencyKey: true } && IdempotencyKey.Refusal(arguments[i] as string) is { } keyRefusal)
            {
                return keyRefusal;
            }
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < checks.Length; i++)
        {
            if (checks[i] is { IsIdempotencyKey: false } check)
            {
                check.Collect(arguments[i], errors);
                // A single-valued query parameter given twice would be read as one of the two, or both joined.
                if (check.IsSingleQueryValue && query[check.Name].Count > 1)
                {
                    errors[check.Name] = ["Give this parameter once."];
                }
            }
        }
        return errors.Count > 0 ? Problem.Validation(errors) : null;
    }

    private sealed record Check(string Name, ValidationAttribute[] Bounds, bool IsBody, bool IsIdempotencyKey, bool IsSingleQueryValue)
    {
        public static Check? Of(ParameterInfo parameter)
        {
            var header = parameter.GetCustomAttribute<FromHeaderAttribute>()?.Name;
            var fromQuery = parameter.GetCustomAttribute<FromQueryAttribute>();
            var name = header ?? fromQuery?.Name ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name ?? parameter.Name ?? "";
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var isSingleQueryValue = fromQuery is not null && (type == typeof(string) || type.IsPrimitive || type.IsEnum);
            var bounds = parameter.GetCustomAttributes<ValidationAttribute>().ToArray();
            var isKey = string.Equals(header, IdempotencyKey.Header, StringComparison.OrdinalIgnoreCase);
            var isBody = parameter.ParameterType.Namespace?.StartsWith("IntegrationGateway.Contracts", StringComparison.Ordinal) == true
                && parameter.ParameterType.IsClass && parameter.GetCustomAttribute<AsParametersAttribute>() is null;
            return isKey || isBody || isSingleQueryValue || bounds.Length > 0 ? new Check(name, bounds, isBody, isKey, isSingleQueryValue) : null;
        }

        public void Collect(object? value, Dictionary<string, string[]> errors)
        {
            if (IsBody)
            {
                if (value is not null)
                {
                    foreach (var (field, messages) in RequestValidation.Errors(value))
                    {
                        errors[field] = messages;
                    }
                }
                return;
            }
            var failures = Bounds.Where(b => !b.IsValid(value)).Select(b => b.FormatErrorMessage(Name)).ToArray();
            if (failures.Length > 0)
            {
                errors[Name] = failures;
            }
        }
    }
}
