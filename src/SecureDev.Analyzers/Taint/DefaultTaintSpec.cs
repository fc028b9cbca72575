namespace SecureDev.Analyzers.Taint;

/// <summary>
/// The shipped sources, sinks, sanitizers, checks and propagators, written in the same format a user's configuration
/// file uses (rules-docs/taint-configuration.md), so the defaults are an example of the format and follow its rules.
/// Entry-point parameters (ASP.NET Core actions, minimal-API handlers, Main's args) and the operators of the language
/// (new T[n], stackalloc, indexing, loop conditions) are recognised in code: see Taint/README.md.
/// </summary>
internal static class DefaultTaintSpec
{
    public const string Json = """
{
  "sources": [
    { "type": "Microsoft.AspNetCore.Http.HttpRequest", "kind": "web" },
    { "type": "Microsoft.AspNetCore.Http.HttpResponse", "kind": "web" },
    { "type": "Microsoft.AspNetCore.Http.IFormFile", "kind": "web" },
    { "type": "Microsoft.AspNetCore.Http.IFormCollection", "kind": "web" },
    { "type": "System.Net.HttpListenerRequest", "kind": "web" },
    { "type": "System.Net.HttpListenerResponse", "kind": "web" },

    { "type": "System.Console", "members": [ "ReadLine", "In" ], "kind": "console" },
    { "type": "System.Environment", "members": [ "GetCommandLineArgs", "CommandLine" ], "kind": "commandLine" },
    { "type": "System.Environment", "members": [ "GetEnvironmentVariable", "GetEnvironmentVariables", "ExpandEnvironmentVariables" ], "kind": "environment" },

    { "type": "System.IO.File", "members": [ "ReadAllText", "ReadAllTextAsync", "ReadAllLines", "ReadAllLinesAsync", "ReadAllBytes", "ReadAllBytesAsync", "ReadLines", "ReadLinesAsync", "OpenText", "OpenRead" ], "kind": "file" },
    { "type": "System.IO.FileStream", "kind": "file" },
    { "type": "System.IO.StreamReader", "member": ".ctor", "parameters": [ "path" ], "kind": "file" },

    { "type": "System.Data.Common.DbDataReader", "members": [ "GetString", "GetValue", "GetFieldValue", "GetFieldValueAsync", "GetChars", "this[]" ], "kind": "database" },
    { "type": "System.Data.IDataRecord", "members": [ "GetString", "GetValue", "this[]" ], "kind": "database" },
    { "type": "Dapper.SqlMapper", "members": [ "Query*", "ExecuteScalar*" ], "kind": "database" },

    { "type": "System.Net.Sockets.NetworkStream", "kind": "network" },
    { "type": "System.Net.Sockets.Socket", "kind": "network" },
    { "type": "System.Net.Sockets.UdpClient", "kind": "network" },
    { "type": "System.Net.Security.SslStream", "kind": "network" },
    { "type": "System.Net.WebSockets.WebSocket", "kind": "network" },
    { "type": "System.IO.Ports.SerialPort", "kind": "serial" },

    { "type": "MQTTnet.MqttApplicationMessage", "kind": "fieldbus" },
    { "type": "MQTTnet.MqttApplicationMessageReceivedEventArgs", "kind": "fieldbus" },
    { "type": "MQTTnet.Client.MqttApplicationMessageReceivedEventArgs", "kind": "fieldbus" },
    { "type": "Opc.Ua.DataValue", "kind": "fieldbus" },
    { "type": "Opc.Ua.MonitoredItemNotification", "kind": "fieldbus" },
    { "type": "Opc.Ua.Client.ISession", "members": [ "ReadValue", "ReadValueAsync", "ReadValues", "ReadValuesAsync" ], "kind": "fieldbus" },
    { "type": "Opc.Ua.Client.Session", "members": [ "ReadValue", "ReadValueAsync", "ReadValues", "ReadValuesAsync" ], "kind": "fieldbus" },
    { "type": "NModbus.IModbusMaster", "members": [ "ReadHoldingRegisters", "ReadHoldingRegistersAsync", "ReadInputRegisters", "ReadInputRegistersAsync", "ReadCoils", "ReadCoilsAsync", "ReadInputs", "ReadInputsAsync", "ReadWriteMultipleRegisters", "ReadWriteMultipleRegistersAsync" ], "kind": "fieldbus" },
    { "type": "FluentModbus.ModbusClient", "members": [ "ReadHoldingRegisters", "ReadHoldingRegistersAsync", "ReadInputRegisters", "ReadInputRegistersAsync", "ReadCoils", "ReadCoilsAsync", "ReadDiscreteInputs", "ReadDiscreteInputsAsync" ], "kind": "fieldbus" },
    { "type": "FluentModbus.ModbusServer", "members": [ "GetHoldingRegisters", "GetHoldingRegisterBuffer", "GetCoils", "GetCoilBuffer" ], "kind": "fieldbus" },
    { "type": "EasyModbus.ModbusClient", "members": [ "ReadHoldingRegisters", "ReadInputRegisters", "ReadCoils", "ReadDiscreteInputs" ], "kind": "fieldbus" },

    { "type": "System.IO.Compression.ZipArchiveEntry", "members": [ "FullName", "Name" ], "kind": "archive" },
    { "type": "System.Formats.Tar.TarEntry", "members": [ "Name", "LinkName" ], "kind": "archive" },

    { "type": "System.Exception", "kind": "exception" }
  ],

  "propagators": [
    { "type": "System.IO.Stream", "members": [ "Read", "ReadAsync", "ReadExactly", "ReadExactlyAsync", "ReadAtLeast", "ReadAtLeastAsync" ], "from": "instance", "to": "argument:buffer" },
    { "type": "System.IO.Stream", "member": "ReadByte", "from": "instance", "to": "return" },
    { "type": "System.Net.Sockets.Socket", "members": [ "Receive", "ReceiveAsync", "ReceiveFrom", "ReceiveFromAsync", "ReceiveMessageFrom", "ReceiveMessageFromAsync" ], "from": "instance", "to": "argument:buffer" },
    { "type": "System.Net.WebSockets.WebSocket", "member": "ReceiveAsync", "from": "instance", "to": "argument:buffer" },
    { "type": "System.IO.Ports.SerialPort", "member": "Read", "from": "instance", "to": "argument:buffer" },
    { "type": "System.IO.Ports.SerialPort", "members": [ "ReadByte", "ReadChar", "BytesToRead" ], "from": "instance", "to": "return" },
    { "type": "System.IO.BinaryReader", "members": [ "ReadByte", "ReadSByte", "ReadChar", "ReadInt16", "ReadUInt16", "ReadInt32", "ReadUInt32", "ReadInt64", "ReadUInt64", "Read7BitEncodedInt", "Read7BitEncodedInt64", "ReadSingle", "ReadDouble", "ReadDecimal", "ReadHalf" ], "from": "instance", "to": "return" },
    { "type": "System.IO.BinaryReader", "member": "Read", "from": "instance", "to": "argument:buffer" },
    { "type": "System.IO.TextReader", "member": "Read", "from": "instance", "to": "argument:buffer" },
    { "type": "Microsoft.AspNetCore.Http.HttpRequest", "member": "ContentLength", "from": "instance", "to": "return" },
    { "type": "Microsoft.AspNetCore.Http.IFormFile", "member": "Length", "from": "instance", "to": "return" },
    { "type": "System.Net.HttpListenerRequest", "member": "ContentLength64", "from": "instance", "to": "return" },
    { "type": "Opc.Ua.DataValue", "members": [ "GetValue", "GetValueOrDefault" ], "from": "instance", "to": "return" }
  ],

  "sanitizers": [
    { "type": "System.IO.Path", "members": [ "GetFileName", "GetFileNameWithoutExtension", "GetExtension" ], "clears": [ "path" ] },
    { "type": "System.IO.Path", "member": "GetFullPath", "adds": [ "normalized" ] },
    { "type": "System.Text.RegularExpressions.Regex", "member": "Escape", "clears": [ "regex" ] },
    { "type": "System.Uri", "member": "EscapeDataString", "clears": [ "injection" ] },
    { "type": "System.Net.WebUtility", "member": "UrlEncode", "clears": [ "injection" ] },
    { "type": "System.Web.HttpUtility", "members": [ "UrlEncode", "UrlPathEncode" ], "clears": [ "injection" ] },
    { "type": "System.Text.Encodings.Web.UrlEncoder", "member": "Encode", "clears": [ "injection" ] },
    { "type": "System.Text.Encodings.Web.JavaScriptEncoder", "member": "Encode", "clears": [ "log", "xpath" ] },
    { "type": "System.Text.Encodings.Web.HtmlEncoder", "member": "Encode", "clears": [ "log", "xpath" ] },
    { "type": "System.Security.SecurityElement", "member": "Escape", "clears": [ "xpath" ] },
    { "type": "System.Enum", "members": [ "Parse", "TryParse" ], "clears": [ "injection" ] },
    { "type": "System.Net.IPAddress", "members": [ "Parse", "TryParse" ], "clears": [ "injection" ] },
    { "type": "System.Math", "member": "Min", "clears": [ "upperBound" ] },
    { "type": "System.Math", "member": "Max", "clears": [ "lowerBound" ] },
    { "type": "System.Math", "member": "Clamp", "clears": [ "bounds" ] },
    { "type": "System.Linq.Enumerable", "members": [ "Count", "LongCount" ], "clears": [ "all" ] },
    { "type": "System.Object", "member": "GetType", "clears": [ "all" ] }
  ],

  "checks": [
    { "type": "System.String", "member": "StartsWith", "checks": "instance", "requires": [ "normalized" ], "clears": [ "path" ] },
    { "type": "System.Collections.Generic.ICollection`1", "member": "Contains", "checks": "argument:item", "clears": [ "all" ] },
    { "type": "System.Collections.Generic.IReadOnlySet`1", "member": "Contains", "checks": "argument:item", "clears": [ "all" ] },
    { "type": "System.Collections.Generic.IDictionary`2", "member": "ContainsKey", "checks": "argument:key", "clears": [ "all" ] },
    { "type": "System.Collections.Generic.IReadOnlyDictionary`2", "member": "ContainsKey", "checks": "argument:key", "clears": [ "all" ] },
    { "type": "System.Collections.Immutable.IImmutableSet`1", "member": "Contains", "checks": "argument:value", "clears": [ "all" ] },
    { "type": "System.Linq.Enumerable", "member": "Contains", "checks": "argument:value", "clears": [ "all" ] },
    { "type": "System.Enum", "member": "IsDefined", "checks": "argument:value", "clears": [ "all" ] },
    { "type": "System.Text.RegularExpressions.Regex", "member": "IsMatch", "checks": "argument:input", "anchoredPattern": "pattern", "clears": [ "injection" ] },
    { "type": "System.ArgumentOutOfRangeException", "members": [ "ThrowIfGreaterThan", "ThrowIfGreaterThanOrEqual" ], "checks": "argument:value", "when": "returns", "clears": [ "upperBound" ] },
    { "type": "System.ArgumentOutOfRangeException", "members": [ "ThrowIfNegative", "ThrowIfNegativeOrZero", "ThrowIfLessThan", "ThrowIfLessThanOrEqual" ], "checks": "argument:value", "when": "returns", "clears": [ "lowerBound" ] }
  ],

  "sinks": [
    { "type": "System.Data.Common.DbCommand", "member": "CommandText", "class": "sql" },
    { "type": "System.Data.IDbCommand", "member": "CommandText", "class": "sql" },
    { "type": "Microsoft.Data.Sqlite.SqliteCommand", "member": ".ctor", "arguments": [ "commandText" ], "class": "sql" },
    { "type": "Microsoft.Data.SqlClient.SqlCommand", "member": ".ctor", "arguments": [ "cmdText" ], "class": "sql" },
    { "type": "System.Data.SqlClient.SqlCommand", "member": ".ctor", "arguments": [ "cmdText" ], "class": "sql" },
    { "type": "Npgsql.NpgsqlCommand", "member": ".ctor", "arguments": [ "cmdText" ], "class": "sql" },
    { "type": "Dapper.SqlMapper", "members": [ "Query*", "Execute*" ], "arguments": [ "sql" ], "class": "sql" },
    { "type": "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", "member": "FromSqlRaw", "arguments": [ "sql" ], "class": "sql" },
    { "type": "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", "members": [ "ExecuteSqlRaw", "ExecuteSqlRawAsync", "SqlQueryRaw" ], "arguments": [ "sql" ], "class": "sql" },

    { "type": "System.Diagnostics.Process", "member": "Start", "arguments": [ "fileName", "arguments" ], "class": "command" },
    { "type": "System.Diagnostics.ProcessStartInfo", "member": ".ctor", "arguments": [ "fileName", "arguments" ], "class": "command" },
    { "type": "System.Diagnostics.ProcessStartInfo", "members": [ "FileName", "Arguments" ], "class": "command" },

    { "type": "System.IO.File", "members": [ "ReadAllText", "ReadAllTextAsync", "ReadAllLines", "ReadAllLinesAsync", "ReadAllBytes", "ReadAllBytesAsync", "ReadLines", "ReadLinesAsync", "WriteAllText", "WriteAllTextAsync", "WriteAllLines", "WriteAllLinesAsync", "WriteAllBytes", "WriteAllBytesAsync", "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "AppendText", "Open", "OpenRead", "OpenWrite", "OpenText", "OpenHandle", "Create", "CreateText", "Delete", "Copy", "Move", "Replace", "SetAttributes", "Encrypt", "Decrypt" ], "arguments": [ "path", "sourceFileName", "destFileName", "destinationFileName", "destinationBackupFileName" ], "class": "path" },
    { "type": "System.IO.Directory", "members": [ "CreateDirectory", "Delete", "Move", "GetFiles", "GetDirectories", "GetFileSystemEntries", "EnumerateFiles", "EnumerateDirectories", "EnumerateFileSystemEntries" ], "arguments": [ "path", "sourceDirName", "destDirName" ], "class": "path" },
    { "type": "System.IO.FileStream", "member": ".ctor", "arguments": [ "path" ], "class": "path" },
    { "type": "System.IO.StreamReader", "member": ".ctor", "arguments": [ "path" ], "class": "path" },
    { "type": "System.IO.StreamWriter", "member": ".ctor", "arguments": [ "path" ], "class": "path" },
    { "type": "System.IO.FileInfo", "member": ".ctor", "arguments": [ "fileName" ], "class": "path" },
    { "type": "System.IO.DirectoryInfo", "member": ".ctor", "arguments": [ "path" ], "class": "path" },
    { "type": "System.IO.Compression.ZipFileExtensions", "members": [ "ExtractToFile", "ExtractToDirectory" ], "arguments": [ "destinationFileName", "destinationDirectoryName" ], "class": "path" },
    { "type": "System.IO.Compression.ZipFile", "members": [ "Open", "OpenRead", "ExtractToDirectory", "CreateFromDirectory" ], "arguments": [ "archiveFileName", "sourceArchiveFileName", "destinationDirectoryName", "sourceDirectoryName", "destinationArchiveFileName" ], "class": "path" },
    { "type": "Microsoft.AspNetCore.Mvc.ControllerBase", "member": "PhysicalFile", "arguments": [ "physicalPath" ], "class": "path" },
    { "type": "Microsoft.AspNetCore.Http.Results", "members": [ "File", "PhysicalFile" ], "arguments": [ "path" ], "class": "path" },

    { "type": "System.Xml.XmlNode", "members": [ "SelectNodes", "SelectSingleNode" ], "arguments": [ "xpath" ], "class": "xPath" },
    { "type": "System.Xml.XPath.XPathNavigator", "members": [ "Select", "SelectSingleNode", "Evaluate", "Compile", "Matches" ], "arguments": [ "xpath" ], "class": "xPath" },
    { "type": "System.Xml.XPath.XPathExpression", "member": "Compile", "arguments": [ "xpath" ], "class": "xPath" },
    { "type": "System.Xml.XPath.Extensions", "members": [ "XPathSelectElement", "XPathSelectElements", "XPathEvaluate" ], "arguments": [ "expression" ], "class": "xPath" },

    { "type": "System.DirectoryServices.DirectorySearcher", "member": ".ctor", "arguments": [ "filter" ], "class": "ldap" },
    { "type": "System.DirectoryServices.DirectorySearcher", "member": "Filter", "class": "ldap" },
    { "type": "System.DirectoryServices.DirectoryEntry", "member": ".ctor", "arguments": [ "path" ], "class": "ldap" },
    { "type": "System.DirectoryServices.Protocols.SearchRequest", "member": ".ctor", "arguments": [ "ldapFilter" ], "class": "ldap" },
    { "type": "System.DirectoryServices.Protocols.SearchRequest", "member": "Filter", "class": "ldap" },

    { "type": "System.Text.RegularExpressions.Regex", "members": [ ".ctor", "IsMatch", "Match", "Matches", "Replace", "Split", "Count", "EnumerateMatches" ], "arguments": [ "pattern" ], "unlessArguments": [ "matchTimeout" ], "class": "regex" },

    { "type": "System.Net.Http.HttpClient", "members": [ "GetAsync", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync" ], "arguments": [ "requestUri" ], "class": "url" },
    { "type": "System.Net.Http.HttpClient", "member": "BaseAddress", "class": "url" },
    { "type": "System.Net.Http.HttpRequestMessage", "member": ".ctor", "arguments": [ "requestUri" ], "class": "url" },
    { "type": "System.Net.Http.HttpRequestMessage", "member": "RequestUri", "class": "url" },
    { "type": "System.Net.Http.Json.HttpClientJsonExtensions", "members": [ "GetFromJsonAsync", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "DeleteFromJsonAsync" ], "arguments": [ "requestUri" ], "class": "url" },
    { "type": "System.Net.WebRequest", "members": [ "Create", "CreateHttp" ], "arguments": [ "requestUriString", "requestUri" ], "class": "url" },
    { "type": "System.Net.WebClient", "members": [ "DownloadString", "DownloadData", "DownloadFile", "OpenRead", "UploadString", "UploadData", "DownloadStringTaskAsync", "DownloadDataTaskAsync" ], "arguments": [ "address" ], "class": "url" },
    { "type": "System.Net.Sockets.TcpClient", "members": [ ".ctor", "Connect", "ConnectAsync" ], "arguments": [ "hostname", "host" ], "class": "url" },

    { "type": "Microsoft.Extensions.Logging.LoggerExtensions", "members": [ "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical" ], "arguments": [ "message" ], "class": "log" },
    { "type": "System.Diagnostics.Trace", "members": [ "Write", "WriteLine", "TraceInformation", "TraceWarning", "TraceError" ], "arguments": [ "message", "format" ], "class": "log" },
    { "type": "System.Diagnostics.EventLog", "member": "WriteEntry", "arguments": [ "message" ], "class": "log" },

    { "type": "System.Buffers.ArrayPool`1", "member": "Rent", "arguments": [ "minimumLength" ], "class": "allocation" },
    { "type": "System.Buffers.MemoryPool`1", "member": "Rent", "arguments": [ "minBufferSize" ], "class": "allocation" },
    { "type": "System.GC", "members": [ "AllocateUninitializedArray", "AllocateArray" ], "arguments": [ "length" ], "class": "allocation" },
    { "type": "System.Array", "member": "Resize", "arguments": [ "newSize" ], "class": "allocation" },
    { "type": "System.Array", "member": "CreateInstance", "arguments": [ "length" ], "class": "allocation" },
    { "type": "System.Collections.Generic.List`1", "member": ".ctor", "arguments": [ "capacity" ], "class": "allocation" },
    { "type": "System.Collections.Generic.Dictionary`2", "member": ".ctor", "arguments": [ "capacity" ], "class": "allocation" },
    { "type": "System.Text.StringBuilder", "member": ".ctor", "arguments": [ "capacity" ], "class": "allocation" },
    { "type": "System.IO.MemoryStream", "member": ".ctor", "arguments": [ "capacity" ], "class": "allocation" },
    { "type": "System.String", "member": ".ctor", "arguments": [ "count" ], "class": "allocation" },
    { "type": "System.Linq.Enumerable", "member": "Repeat", "arguments": [ "count" ], "class": "allocation" },
    { "type": "System.IO.Stream", "members": [ "Read", "ReadAsync", "ReadExactly", "ReadExactlyAsync", "ReadAtLeast", "ReadAtLeastAsync" ], "arguments": [ "count", "minimumBytes" ], "class": "allocation" },
    { "type": "System.IO.BinaryReader", "members": [ "ReadBytes", "ReadChars" ], "arguments": [ "count" ], "class": "allocation" },
    { "type": "System.Net.Sockets.Socket", "member": "Receive", "arguments": [ "size" ], "class": "allocation" },
    { "type": "System.IO.Ports.SerialPort", "member": "Read", "arguments": [ "count" ], "class": "allocation" },

    { "type": "System.Span`1", "members": [ "this[]", "Slice" ], "arguments": [ "index", "start", "length" ], "class": "index" },
    { "type": "System.ReadOnlySpan`1", "members": [ "this[]", "Slice" ], "arguments": [ "index", "start", "length" ], "class": "index" },
    { "type": "System.Memory`1", "member": "Slice", "arguments": [ "start", "length" ], "class": "index" },
    { "type": "System.ReadOnlyMemory`1", "member": "Slice", "arguments": [ "start", "length" ], "class": "index" },
    { "type": "System.Collections.Generic.List`1", "members": [ "this[]", "RemoveAt", "GetRange" ], "arguments": [ "index", "count" ], "class": "index" },
    { "type": "System.MemoryExtensions", "members": [ "AsSpan", "AsMemory" ], "arguments": [ "start", "length" ], "class": "index" },
    { "type": "System.String", "member": "Substring", "arguments": [ "startIndex", "length" ], "class": "index" },
    { "type": "System.Array", "member": "Copy", "arguments": [ "sourceIndex", "destinationIndex", "length" ], "class": "index" },
    { "type": "System.Buffer", "member": "BlockCopy", "arguments": [ "srcOffset", "dstOffset", "count" ], "class": "index" },
    { "type": "System.BitConverter", "members": [ "ToInt16", "ToUInt16", "ToInt32", "ToUInt32", "ToInt64", "ToUInt64", "ToSingle", "ToDouble", "ToString" ], "arguments": [ "startIndex" ], "class": "index" },

    { "type": "Microsoft.AspNetCore.Http.HttpResponseWritingExtensions", "member": "WriteAsync", "arguments": [ "text" ], "class": "peer" },
    { "type": "Microsoft.AspNetCore.Http.Results", "members": [ "Problem", "BadRequest", "Content", "Text", "Ok", "Json", "NotFound", "Conflict", "UnprocessableEntity", "ValidationProblem" ], "arguments": [ "detail", "title", "error", "content", "value", "data" ], "class": "peer" },
    { "type": "Microsoft.AspNetCore.Http.TypedResults", "members": [ "Problem", "BadRequest", "Content", "Text", "Ok", "Json", "NotFound", "Conflict", "UnprocessableEntity" ], "arguments": [ "detail", "title", "error", "content", "value", "data" ], "class": "peer" },
    { "type": "Microsoft.AspNetCore.Mvc.ControllerBase", "members": [ "Problem", "BadRequest", "Content", "Ok", "StatusCode", "NotFound", "Conflict", "UnprocessableEntity", "ValidationProblem" ], "arguments": [ "detail", "title", "error", "content", "value" ], "class": "peer" },
    { "type": "Microsoft.AspNetCore.Mvc.ObjectResult", "member": ".ctor", "arguments": [ "value" ], "class": "peer" },
    { "type": "Microsoft.AspNetCore.Mvc.ContentResult", "member": "Content", "class": "peer" },
    { "type": "System.IO.Stream", "members": [ "Write", "WriteAsync" ], "arguments": [ "buffer" ], "receiver": "peer", "class": "peer" },
    { "type": "System.IO.TextWriter", "members": [ "Write", "WriteLine", "WriteAsync", "WriteLineAsync" ], "arguments": [ "value", "buffer", "format" ], "receiver": "peer", "class": "peer" },
    { "type": "System.Net.Sockets.Socket", "members": [ "Send", "SendAsync", "SendTo", "SendToAsync" ], "arguments": [ "buffer", "buffers" ], "class": "peer" },
    { "type": "System.Net.Sockets.UdpClient", "members": [ "Send", "SendAsync" ], "arguments": [ "dgram", "datagram" ], "class": "peer" },
    { "type": "System.Net.WebSockets.WebSocket", "member": "SendAsync", "arguments": [ "buffer" ], "class": "peer" },
    { "type": "System.IO.Ports.SerialPort", "members": [ "Write", "WriteLine" ], "arguments": [ "text", "buffer" ], "class": "peer" }
  ]
}
""";
}
