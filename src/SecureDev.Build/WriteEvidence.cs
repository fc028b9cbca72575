using Microsoft.Build.Framework;
using SecureDev.Core.Diagnostics;
using SecureDev.Core.Evidence;

namespace SecureDev.Build;

/// <summary>Assembles the project's evidence folder with its SHA-256 manifest (the SecureDevEvidence target).</summary>
public sealed class WriteEvidence : SecureDevTask
{
    [Required] public string EvidenceDirectory { get; set; } = "";

    /// <summary>Files to copy in; metadata EvidenceName is the name in the folder (default: the file name).</summary>
    public ITaskItem[]? Records { get; set; }

    /// <summary>The build outputs to hash, named relative to <see cref="OutputRoot"/>.</summary>
    public ITaskItem[]? Outputs { get; set; }

    public string? OutputRoot { get; set; }

    protected override void Run(List<BuildMessage> messages)
    {
        var records = (Records ?? Array.Empty<ITaskItem>())
            .Where(r => File.Exists(r.ItemSpec))
            .Select(r => (Name: string.IsNullOrEmpty(r.GetMetadata("EvidenceName")) ? Path.GetFileName(r.ItemSpec) : r.GetMetadata("EvidenceName"), Source: r.GetMetadata("FullPath")))
            .ToList();
        var root = string.IsNullOrEmpty(OutputRoot) ? Directory.GetCurrentDirectory() : Path.GetFullPath(OutputRoot);
        EvidenceFolder.Write(EvidenceDirectory, records, root, Values(Outputs).Select(Path.GetFullPath));
    }
}
