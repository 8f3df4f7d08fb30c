using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Dealership.IntegrationTests;

/// <summary>
/// What can be checked of deploy/ without Docker or a cluster: every YAML file parses; compose and the
/// Kubernetes manifests have the shape the runbook describes (roles, probes, the migration step, the
/// autoscaler); and every configuration key they or the runbook name is one the app reads, so a typo or a
/// renamed setting fails here rather than silently in production.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(Fakes.Loopback.RepositoryRoot(), "deploy");

    [Test]
    public void EveryYamlFile_Parses()
    {
        var files = Directory.GetFiles(Deploy, "*.yaml", SearchOption.AllDirectories);
        Assert.That(files, Has.Length.GreaterThanOrEqualTo(10));
        foreach (var file in files)
        {
            Assert.That(Documents(file), Is.Not.Empty, file);
        }
    }

    [Test]
    public void Compose_RunsMigrationsFirst_ThenWebAndTwoWorkers()
    {
        var compose = Map(Documents(Path.Combine(Deploy, "compose.yaml")).Single());
        var services = Map(compose["services"]);
        Assert.That(services.Keys, Is.SupersetOf(new[] { "sqlserver", "migrate", "web", "worker" }));
        Assert.That(Environment(services["web"])["App__Role"], Is.EqualTo("Web"));
        Assert.That(Environment(services["worker"])["App__Role"], Is.EqualTo("Worker"));
        Assert.That(Map(Map(services["worker"])["deploy"])["replicas"], Is.EqualTo("2"));
        Assert.That(Map(Map(services["web"])["depends_on"])["migrate"] is Dictionary<object, object> condition && (string)condition["condition"] == "service_completed_successfully",
            Is.True, "web starts only after the schema is migrated");
        foreach (var (name, service) in services.Select(s => ((string)s.Key, Map(s.Value))))
        {
            if (service.TryGetValue("depends_on", out var dependsOn))
            {
                Assert.That(Map(dependsOn).Keys.Cast<string>(), Is.SubsetOf(services.Keys.Cast<string>()), $"{name} depends on a service that exists");
            }
        }
    }

    [Test]
    public void Kubernetes_WebHasProbesAndAnAutoscaler_WorkersTheirRole_AndEveryResourceIsListed()
    {
        var k8s = Path.Combine(Deploy, "k8s");
        var kustomization = Map(Documents(Path.Combine(k8s, "kustomization.yaml")).Single());
        var resources = ((List<object>)kustomization["resources"]).Cast<string>().ToList();
        Assert.That(resources.Select(r => File.Exists(Path.Combine(k8s, r))), Is.All.True, "every listed resource exists");
        var objects = resources.SelectMany(r => Documents(Path.Combine(k8s, r))).Select(Map).ToList();
        Assert.That(objects.Select(o => o["kind"]), Is.SupersetOf(new[] { "Deployment", "Job", "HorizontalPodAutoscaler", "Service", "ConfigMap", "PersistentVolumeClaim" }));
        foreach (var o in objects)
        {
            Assert.That(o.ContainsKey("apiVersion") && Map(o["metadata"]).ContainsKey("name"), Is.True, $"{o["kind"]} has apiVersion and a name");
        }

        var web = objects.Single(o => (string)o["kind"] == "Deployment" && Map(o["metadata"])["name"].ToString()!.Contains("web", StringComparison.Ordinal));
        var container = Containers(web).Single();
        Assert.That(At(container, "readinessProbe", "httpGet", "path"), Is.EqualTo("/health/ready"));
        Assert.That(At(container, "livenessProbe", "httpGet", "path"), Is.EqualTo("/health/live"));
        var hpa = objects.Single(o => (string)o["kind"] == "HorizontalPodAutoscaler");
        Assert.That(At(hpa, "spec", "scaleTargetRef", "name"), Is.EqualTo(Map(web["metadata"])["name"]));
        var worker = objects.Single(o => (string)o["kind"] == "Deployment" && Map(o["metadata"])["name"].ToString()!.Contains("worker", StringComparison.Ordinal));
        Assert.That(EnvOf(Containers(worker).Single())["App__Role"], Is.EqualTo("Worker"));
        Assert.That(EnvOf(container)["App__Role"], Is.EqualTo("Web"));
        var migrate = objects.Single(o => (string)o["kind"] == "Job");
        Assert.That(((List<object>)Containers(migrate).Single()["args"]).Cast<string>(), Does.Contain("migrate"));
    }

    [Test]
    public void EveryConfigurationKeyNamedInDeployOrTheRunbook_IsOneTheAppReads()
    {
        var known = KnownKeys();
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Deploy, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith("Dockerfile", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal)))
        {
            foreach (Match key in EnvironmentKey().Matches(File.ReadAllText(file)))
            {
                named.Add(key.Value);
            }
        }

        Assert.That(named, Has.Count.GreaterThan(30), "the deploy files name the settings");
        var unknown = named.Select(k => ArrayIndex().Replace(k, "")).Where(k => !known.Contains(k.Replace("__", ":", StringComparison.Ordinal))).Distinct().Order().ToList();
        Assert.That(unknown, Is.Empty, "keys the app does not read (a typo, or a setting that was renamed)");
    }

    /// <summary>Every key the app reads: the literal keys in its code, and the properties of each bound options class under its section.</summary>
    private static HashSet<string> KnownKeys()
    {
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            // The framework's own, and the OpenTelemetry SDK's (read by the exporter itself).
            "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME",
        };
        foreach (var file in Directory.GetFiles(Path.Combine(Fakes.Loopback.RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories))
        {
            var code = File.ReadAllText(file);
            foreach (Match literal in ConfigurationLiteral().Matches(code))
            {
                known.Add(literal.Groups[1].Value);
            }

            foreach (Match connection in ConnectionStringName().Matches(code))
            {
                known.Add("ConnectionStrings:" + connection.Groups[1].Value);
            }
        }

        // Whatever appsettings.json sets is a key the app (or the framework under it) reads.
        void Flatten(System.Text.Json.JsonElement node, string prefix)
        {
            foreach (var property in node.EnumerateObject())
            {
                var key = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
                known.Add(key);
                if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Object)
                {
                    Flatten(property.Value, key);
                }
            }
        }

        Flatten(System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Fakes.Loopback.RepositoryRoot(), "src", "Dealership.Web", "appsettings.json"))).RootElement, "");

        var sections = new Dictionary<string, Type>
        {
            ["Notifications"] = typeof(Application.Notifications.NotificationOptions),
            ["Orders"] = typeof(Application.Orders.OrderPolicy),
            ["Email:Smtp"] = typeof(Adapters.SmtpOptions),
            ["Sms:Twilio"] = typeof(Adapters.TwilioOptions),
            ["Parts:Planning"] = typeof(Application.Parts.PartsPlanningOptions),
            ["Decisions:Limits"] = typeof(Application.Decisions.DecisionLimits),
            ["Setup"] = typeof(Application.Sites.SetUpFirstSite.Command),
        };
        foreach (var (section, type) in sections)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                known.Add($"{section}:{property.Name}");
            }
        }

        return known;
    }

    private static List<object> Documents(string file)
    {
        using var reader = new StreamReader(file);
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<object>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (!parser.Accept<YamlDotNet.Core.Events.StreamEnd>(out _))
        {
            if (deserializer.Deserialize(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    private static Dictionary<object, object> Map(object node) => (Dictionary<object, object>)node;

    private static Dictionary<string, string> Environment(object service) =>
        Map(Map(service)["environment"]).ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? "");

    private static List<Dictionary<object, object>> Containers(Dictionary<object, object> workload)
    {
        var spec = Map(workload["spec"]);
        var pod = Map(Map(spec["template"])["spec"]);
        return ((List<object>)pod["containers"]).Select(Map).ToList();
    }

    private static Dictionary<string, string> EnvOf(Dictionary<object, object> container) =>
        ((List<object>)container["env"]).Select(Map).Where(e => e.ContainsKey("value")).ToDictionary(e => (string)e["name"], e => e["value"]?.ToString() ?? "");

    private static object? At(Dictionary<object, object> node, params string[] keys)
    {
        object current = node;
        foreach (var key in keys)
        {
            current = Map(current)[key];
        }

        return current;
    }


    /// <summary>Settings as environment variables: Section__Key (any depth), or the few unsectioned names the app reads.</summary>
    [GeneratedRegex(@"\b(?:[A-Z][A-Za-z]+(?:__[A-Za-z0-9]+)+|DEALERSHIP_DATA_DIR|ASPNETCORE_[A-Z_]+|OTEL_[A-Z_]+)\b")]
    private static partial Regex EnvironmentKey();

    [GeneratedRegex("GetConnectionString\\(\"([A-Za-z]+)\"\\)")]
    private static partial Regex ConnectionStringName();

    [GeneratedRegex(@"__\d+$")]
    private static partial Regex ArrayIndex();

    [GeneratedRegex("\"([A-Z][A-Za-z]+(?::[A-Z][A-Za-z]+)+|DEALERSHIP_DATA_DIR|OTEL_[A-Z_]+)\"")]
    private static partial Regex ConfigurationLiteral();
}
