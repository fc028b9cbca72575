// Ordinary product code: the configuration model of a plant gateway, loaded from JSON, defaulted, validated and compared on reload.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Corpus.Template;

public enum PlantProtocol { ModbusTcp, S7, OpcUa, EtherNetIp }

public enum PlantTagAccess { Read, ReadWrite }

public enum PlantChangeKind { Added, Removed, Modified }

public sealed record PlantConfigurationChange(PlantChangeKind Kind, string Path, string Detail);

public sealed record PlantLoadResult(PlantGatewayOptions? Options, IReadOnlyList<string> Errors);

public sealed class PlantGatewayOptions
{
    public string SiteName { get; set; } = "";
    public int DefaultPollingMs { get; set; } = 1000;
    public List<PlantDeviceOptions> Devices { get; set; } = [];
}

public sealed class PlantDeviceOptions
{
    public string Name { get; set; } = "";
    public PlantProtocol Protocol { get; set; } = PlantProtocol.ModbusTcp;
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public int? PollingMs { get; set; }
    public bool Enabled { get; set; } = true;
    public List<PlantTagOptions> Tags { get; set; } = [];
}

public sealed class PlantTagOptions
{
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string Unit { get; set; } = "";
    public double? Minimum { get; set; }
    public double? Maximum { get; set; }
    public double Scale { get; set; } = 1.0;
    public PlantTagAccess Access { get; set; } = PlantTagAccess.Read;
}

public static class PlantConfigurationDefaults
{
    public const int MinPollingMs = 50;
    public const int MaxPollingMs = 3_600_000;

    public static readonly IReadOnlySet<string> KnownUnits = new HashSet<string>(StringComparer.Ordinal)
    {
        "", "°C", "K", "bar", "mbar", "kPa", "m3/h", "l/min", "kg", "t/h", "rpm", "%", "A", "V", "kW", "kWh", "mm", "s",
    };

    public static int DefaultPort(PlantProtocol protocol) => protocol switch
    {
        PlantProtocol.ModbusTcp => 502,
        PlantProtocol.S7 => 102,
        PlantProtocol.OpcUa => 4840,
        PlantProtocol.EtherNetIp => 44818,
        _ => 0,
    };

    public static void Apply(PlantGatewayOptions options)
    {
        options.SiteName = options.SiteName.Trim();
        foreach (var device in options.Devices)
        {
            device.Name = device.Name.Trim();
            device.Host = device.Host.Trim();
            device.Port = device.Port == 0 ? DefaultPort(device.Protocol) : device.Port;
            device.PollingMs ??= options.DefaultPollingMs;
            foreach (var tag in device.Tags)
            {
                (tag.Name, tag.Address, tag.Unit) = (tag.Name.Trim(), tag.Address.Trim(), tag.Unit.Trim());
            }
        }
    }
}

public static class PlantConfigurationValidator
{
    private const int MaxDevices = 256;
    private const int MaxTagsPerDevice = 5000;

    public static IReadOnlyList<string> Validate(PlantGatewayOptions options)
    {
        var errors = new List<string>();
        if (options.SiteName.Length == 0)
        {
            errors.Add("SiteName is required.");
        }

        CheckPolling(errors, "DefaultPollingMs", options.DefaultPollingMs);
        if (options.Devices.Count is 0 or > MaxDevices)
        {
            errors.Add($"Between 1 and {MaxDevices} devices must be configured, found {options.Devices.Count}.");
        }

        errors.AddRange(Duplicates(options.Devices.Select(d => d.Name)).Select(n => $"Device name '{n}' is used more than once."));
        for (var i = 0; i < options.Devices.Count; i++)
        {
            var device = options.Devices[i];
            ValidateDevice(errors, device.Name.Length == 0 ? $"Devices[{i}]" : $"Device '{device.Name}'", device);
        }

        return errors;
    }

    private static void ValidateDevice(List<string> errors, string where, PlantDeviceOptions device)
    {
        (bool Failed, string Message)[] checks =
        [
            (device.Name.Length == 0, "Name is required"),
            (!Enum.IsDefined(device.Protocol), $"protocol {(int)device.Protocol} is not supported"),
            (Uri.CheckHostName(device.Host) == UriHostNameType.Unknown, $"Host '{device.Host}' is not a valid host name or IP address"),
            (device.Port is < 1 or > 65535, $"Port {device.Port} is outside 1..65535"),
            (device.Tags.Count > MaxTagsPerDevice, $"{device.Tags.Count} tags exceed the limit of {MaxTagsPerDevice}"),
        ];
        errors.AddRange(checks.Where(c => c.Failed).Select(c => $"{where}: {c.Message}."));
        CheckPolling(errors, $"{where}: PollingMs", device.PollingMs ?? 0);

        errors.AddRange(Duplicates(device.Tags.Select(t => t.Name)).Select(n => $"{where}: tag '{n}' is defined more than once."));
        foreach (var (tag, index) in device.Tags.Select((t, i) => (t, i)))
        {
            if (TagProblem(tag) is { } problem)
            {
                errors.Add($"{where}, tag {(tag.Name.Length == 0 ? $"#{index}" : $"'{tag.Name}'")}: {problem}.");
            }
        }
    }

    private static string? TagProblem(PlantTagOptions tag) => tag switch
    {
        { Name.Length: 0 } => "Name is required",
        { Address.Length: 0 } => "Address is required",
        _ when !PlantConfigurationDefaults.KnownUnits.Contains(tag.Unit) => $"unit '{tag.Unit}' is unknown",
        { Minimum: { } min, Maximum: { } max } when min >= max => $"Minimum {min} must be below Maximum {max}",
        { Scale: var scale } when !double.IsFinite(scale) || scale == 0 => "Scale must be a finite, non-zero number",
        { Access: PlantTagAccess.ReadWrite, Minimum: null } or { Access: PlantTagAccess.ReadWrite, Maximum: null } =>
            "writable tags need both Minimum and Maximum",
        _ => null,
    };

    private static void CheckPolling(List<string> errors, string what, int milliseconds)
    {
        if (milliseconds is < PlantConfigurationDefaults.MinPollingMs or > PlantConfigurationDefaults.MaxPollingMs)
        {
            errors.Add($"{what} = {milliseconds} is outside {PlantConfigurationDefaults.MinPollingMs}..{PlantConfigurationDefaults.MaxPollingMs} ms.");
        }
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> names) =>
        names.Where(n => n.Length > 0)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Skip(1).Any())
            .Select(g => g.Key);
}

public static class PlantConfigurationDiff
{
    private sealed record PlantDeviceSignature(PlantProtocol Protocol, string Host, int Port, int? PollingMs, bool Enabled);

    private sealed record PlantTagSignature(string Address, string Unit, double? Minimum, double? Maximum, double Scale, PlantTagAccess Access);

    public static IReadOnlyList<PlantConfigurationChange> Compare(PlantGatewayOptions before, PlantGatewayOptions after)
    {
        var changes = new List<PlantConfigurationChange>();
        if (before.DefaultPollingMs != after.DefaultPollingMs)
        {
            changes.Add(new(PlantChangeKind.Modified, "DefaultPollingMs", $"{before.DefaultPollingMs} -> {after.DefaultPollingMs}"));
        }

        DiffKeyed(changes, "", before.Devices, after.Devices, d => d.Name,
            d => new PlantDeviceSignature(d.Protocol, d.Host, d.Port, d.PollingMs, d.Enabled),
            (path, old, current) => DiffKeyed(changes, path + "/", old.Tags, current.Tags, t => t.Name,
                t => new PlantTagSignature(t.Address, t.Unit, t.Minimum, t.Maximum, t.Scale, t.Access)));
        return changes;
    }

    private static void DiffKeyed<T, TSignature>(List<PlantConfigurationChange> changes, string prefix, IEnumerable<T> before,
        IEnumerable<T> after, Func<T, string> key, Func<T, TSignature> signature, Action<string, T, T>? nested = null)
        where TSignature : IEquatable<TSignature>
    {
        var old = before.DistinctBy(key, StringComparer.OrdinalIgnoreCase).ToDictionary(key, StringComparer.OrdinalIgnoreCase);
        var current = after.DistinctBy(key, StringComparer.OrdinalIgnoreCase).ToDictionary(key, StringComparer.OrdinalIgnoreCase);

        changes.AddRange(old.Keys
            .Where(k => !current.ContainsKey(k))
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(name => new PlantConfigurationChange(PlantChangeKind.Removed, prefix + name, "removed")));

        foreach (var (name, item) in current.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!old.TryGetValue(name, out var previous))
            {
                changes.Add(new(PlantChangeKind.Added, prefix + name, "added"));
                continue;
            }

            var (was, now) = (signature(previous), signature(item));
            if (!was.Equals(now))
            {
                changes.Add(new(PlantChangeKind.Modified, prefix + name, $"{was} -> {now}"));
            }

            nested?.Invoke(prefix + name, previous, item);
        }
    }
}

public sealed class PlantConfigurationLoader(ILogger<PlantConfigurationLoader> logger)
{
    private const long MaxFileBytes = 2 * 1024 * 1024;

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };

    public async Task<PlantLoadResult> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length > MaxFileBytes)
        {
            return Fail(path, file.Exists ? $"file is {file.Length} bytes, more than the allowed {MaxFileBytes}" : "file not found");
        }

        try
        {
            await using var stream = File.OpenRead(file.FullName);
            var options = await JsonSerializer.DeserializeAsync<PlantGatewayOptions>(stream, SerializerOptions, cancellationToken);
            return Complete(path, options);
        }
        catch (JsonException ex)
        {
            return Fail(path, $"invalid JSON: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(path, ex.Message);
        }
    }

    public async Task<PlantGatewayOptions> ReloadAsync(string path, PlantGatewayOptions current, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(path, cancellationToken);
        if (result.Options is not { } loaded)
        {
            logger.LogWarning("Keeping the running configuration of {Site}: the new file has {ErrorCount} errors", current.SiteName, result.Errors.Count);
            return current;
        }

        var changes = PlantConfigurationDiff.Compare(current, loaded);
        foreach (var change in changes)
        {
            logger.LogInformation("Configuration change {Kind} at {Path}: {Detail}", change.Kind, change.Path, change.Detail);
        }

        logger.LogInformation("Reloaded configuration of {Site} with {ChangeCount} changes", loaded.SiteName, changes.Count);
        return loaded;
    }

    private PlantLoadResult Complete(string path, PlantGatewayOptions? options)
    {
        if (options is null)
        {
            return Fail(path, "the file holds no configuration");
        }

        PlantConfigurationDefaults.Apply(options);
        var errors = PlantConfigurationValidator.Validate(options);
        foreach (var error in errors)
        {
            logger.LogError("Configuration {Path}: {Error}", path, error);
        }

        if (errors.Count == 0)
        {
            logger.LogInformation("Loaded configuration of {Site} from {Path}: {DeviceCount} devices, {TagCount} tags",
                options.SiteName, path, options.Devices.Count, options.Devices.Sum(d => d.Tags.Count));
        }

        return new PlantLoadResult(errors.Count == 0 ? options : null, errors);
    }

    private PlantLoadResult Fail(string path, string error)
    {
        logger.LogError("Configuration {Path} could not be loaded: {Error}", path, error);
        return new PlantLoadResult(null, [error]);
    }
}
