using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Dealership.Application.Orders;
using FluentValidation.Results;

namespace Dealership.Application.Common;

/// <summary>
/// The checks every command and query gets before its own validator runs, because they are about the shape
/// of any input rather than one use case: a required value left out (null where the type says it cannot be),
/// an empty entry inside a list, money with a malformed currency or an amount no dealership handles, a date
/// outside any plausible calendar, text longer than anything we store or carrying control characters. Each
/// becomes a field error a person can act on (HTTP 400), never an exception deep in a handler (HTTP 500).
/// </summary>
public static class InputShape
{
    /// <summary>The largest amount any money field accepts: 10 billion in major units (in minor units, cents).</summary>
    public const long MaxMinorUnits = 1_000_000_000_000;

    /// <summary>The backstop for any text field; use cases set tighter limits of their own.</summary>
    public const int MaxTextLength = 4000;

    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyRule[]> Rules = new();

    private sealed record PropertyRule(PropertyInfo Property, bool Required);

    public static List<ValidationFailure> Check(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var failures = new List<ValidationFailure>();
        CheckObject(message, "", failures, 0);
        return failures;
    }

    private static void CheckObject(object value, string path, List<ValidationFailure> failures, int depth)
    {
        foreach (var rule in RulesFor(value.GetType()))
        {
            var name = path.Length == 0 ? rule.Property.Name : $"{path}.{rule.Property.Name}";
            var propertyValue = rule.Property.GetValue(value);
            if (propertyValue is null)
            {
                if (rule.Required)
                {
                    failures.Add(new ValidationFailure(name, $"{Words(rule.Property.Name)} is required."));
                }

                continue;
            }

            CheckValue(propertyValue, name, failures, depth);
        }
    }

    private static void CheckValue(object value, string name, List<ValidationFailure> failures, int depth)
    {
        switch (value)
        {
            case string text:
                CheckText(text, name, failures);
                break;
            case MoneyView money:
                CheckMoney(money, name, failures);
                break;
            case DateOnly date:
                CheckDate(date, name, failures);
                break;
            case DateTime instant:
                CheckDate(DateOnly.FromDateTime(instant), name, failures);
                break;
            case DateTimeOffset instant:
                CheckDate(DateOnly.FromDateTime(instant.UtcDateTime), name, failures);
                break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Value is null)
                    {
                        failures.Add(new ValidationFailure($"{name}[{entry.Key}]", $"{Words(name)} has an empty entry for '{entry.Key}'; fill it in or leave it out."));
                    }
                    else
                    {
                        CheckValue(entry.Value, $"{name}[{entry.Key}]", failures, depth + 1);
                    }
                }

                break;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    if (item is null)
                    {
                        failures.Add(new ValidationFailure($"{name}[{index}]", $"{Words(name)} has an empty entry at position {index + 1}; remove it or fill it in."));
                    }
                    else
                    {
                        CheckValue(item, $"{name}[{index}]", failures, depth + 1);
                    }

                    index++;
                }

                break;
            default:
                if (depth < MaxDepth && IsOurs(value.GetType()))
                {
                    CheckObject(value, name, failures, depth + 1);
                }

                break;
        }
    }

    private static void CheckText(string text, string name, List<ValidationFailure> failures)
    {
        if (text.Length > MaxTextLength)
        {
            failures.Add(new ValidationFailure(name, $"{Words(name)} is too long: at most {MaxTextLength:N0} characters."));
        }
        else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            failures.Add(new ValidationFailure(name, $"{Words(name)} contains control characters (such as terminal escape codes); remove them."));
        }
    }

    private static void CheckMoney(MoneyView money, string name, List<ValidationFailure> failures)
    {
        if (money.Currency is null || money.Currency.Length != 3 || !money.Currency.All(char.IsAsciiLetterUpper))
        {
            failures.Add(new ValidationFailure($"{name}.Currency", "Currency must be a three-letter ISO 4217 code in upper case, such as USD."));
        }

        if (money.Amount is > MaxMinorUnits or < -MaxMinorUnits)
        {
            failures.Add(new ValidationFailure($"{name}.Amount", $"{Words(name)} is out of range: amounts are in cents and at most {MaxMinorUnits:N0}."));
        }
    }

    private static void CheckDate(DateOnly date, string name, List<ValidationFailure> failures)
    {
        if (date < EarliestDate || date > LatestDate)
        {
            failures.Add(new ValidationFailure(name, $"{Words(name)} must be a real date between {EarliestDate.Year} and {LatestDate.Year}."));
        }
    }

    // A NullabilityInfoContext caches as it reads and is not safe to share between threads: the first requests of
    // one command type arriving together once broke each other (a 500 found by the concurrency stress test).
    // Each computation has its own; the result is cached per type.
    private static PropertyRule[] RulesFor(Type type) => Rules.GetOrAdd(type, static t =>
    {
        var nullability = new NullabilityInfoContext();
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.DeclaringType == t)
            .Select(p => new PropertyRule(p, !p.PropertyType.IsValueType && nullability.Create(p).ReadState == NullabilityState.NotNull))
            .ToArray();
    });

    private static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("Dealership.", StringComparison.Ordinal) == true && !type.IsEnum && !type.IsPrimitive;

    /// <summary>"PromisedReadyAt" reads as "Promised ready at" in a sentence.</summary>
    private static string Words(string name)
    {
        var last = name.Split('.', '[')[^1].TrimEnd(']');
        var words = System.Text.RegularExpressions.Regex.Replace(last, "(?<=[a-z0-9])([A-Z])", " $1").ToLowerInvariant();
        return words.Length == 0 ? "This field" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
