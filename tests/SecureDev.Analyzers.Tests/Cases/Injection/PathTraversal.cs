// SD4003 Path traversal: request data, archive entry names (zip-slip) and network data in file system paths.
using System;
using System.IO;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Injection;

[ApiController]
[Route("firmware")]
public class FirmwareController : ControllerBase
{
    private const string Root = "/var/lib/gateway/firmware";

    [HttpGet("{name}")]
    public IActionResult Download(string name) =>
        PhysicalFile(Path.Combine(Root, name), "application/octet-stream"); // Noncompliant SD4003 {{File path of 'ControllerBase.PhysicalFile' is built from request data (action parameter 'name'); reduce it to a file name with Path.GetFileName or check that the full path stays in the intended directory}}
//                   ^^^^^^^^^^^^^^^^^^^^^^^^

    [HttpDelete("{name}")]
    public IActionResult Delete(string name)
    {
        System.IO.File.Delete(Root + "/" + name); // Noncompliant SD4003
        return NoContent();
    }

    [HttpGet("safe/{name}")]
    public IActionResult DownloadByName(string name) =>
        PhysicalFile(Path.Combine(Root, Path.GetFileName(name)), "application/octet-stream"); // Compliant: reduced to a file name

    [HttpGet("checked/{name}")]
    public IActionResult DownloadChecked(string name)
    {
        var full = Path.GetFullPath(Path.Combine(Root, name));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return BadRequest();
        }

        return PhysicalFile(full, "application/octet-stream"); // Compliant: the full path is checked to stay under Root
    }

    [HttpGet("unchecked/{name}")]
    public IActionResult DownloadStartsWithOnly(string name)
    {
        var path = Path.Combine(Root, name);
        if (!path.StartsWith(Root, StringComparison.Ordinal))
        {
            return BadRequest();
        }

        return PhysicalFile(path, "application/octet-stream"); // Noncompliant SD4003
    }
}

public class FirmwareUnpacker
{
    public void Unpack(Stream upload, string target)
    {
        using var archive = new ZipArchive(upload);
        foreach (var entry in archive.Entries)
        {
            var destination = Path.Combine(target, entry.FullName);
            entry.ExtractToFile(destination, overwrite: true); // Noncompliant SD4003 {{File path of 'ZipFileExtensions.ExtractToFile' is built from an archive entry name ('ZipArchiveEntry.FullName'); reduce it to a file name with Path.GetFileName or check that the full path stays in the intended directory}}
        }
    }

    public void UnpackSafely(Stream upload, string target)
    {
        var root = Path.GetFullPath(target) + Path.DirectorySeparatorChar;
        using var archive = new ZipArchive(upload);
        foreach (var entry in archive.Entries)
        {
            var destination = Path.GetFullPath(Path.Combine(root, entry.FullName));
            if (!destination.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidDataException("Entry outside the target directory: " + entry.FullName);
            }

            entry.ExtractToFile(destination, overwrite: true); // Compliant: contained
        }
    }

    public void Log(HttpRequest request) =>
        File.AppendAllText("/var/log/gateway/uploads.log", "upload from " + request.Headers.UserAgent); // Compliant: the data is the content, not the path
}
