// Ordinary product code: maintenance-order repository over ADO.NET with parameterized commands, paging, a transaction and a CSV report export.
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Corpus.Template;

public enum MaintenanceOrderStatus { Open = 0, InProgress = 1, Closed = 2, Cancelled = 3 }

public sealed record MaintenanceOrder(
    long Id,
    string AssetTag,
    string Title,
    MaintenanceOrderStatus Status,
    int Priority,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ClosedAt,
    string? Technician);

public sealed record MaintenanceOrderFilter(
    MaintenanceOrderStatus? Status = null,
    string? AssetTag = null,
    DateTimeOffset? DueBefore = null,
    int Page = 1,
    int PageSize = 50);

public sealed record MaintenancePage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record MaintenanceClosure(long OrderId, string Technician, string Findings, TimeSpan Labour);

public sealed class MaintenanceReportOptions
{
    public string ReportsDirectory { get; set; } = "reports";
    public int MaxPageSize { get; set; } = 200;
}

public sealed class MaintenanceRepository
{
    private const string SelectColumns =
        "SELECT id, asset_tag, title, status, priority, created_at, due_at, closed_at, technician FROM maintenance_order";

    private const string PageQuery = SelectColumns + @"
        WHERE (@status IS NULL OR status = @status)
          AND (@assetTag IS NULL OR asset_tag = @assetTag)
          AND (@dueBefore IS NULL OR due_at < @dueBefore)
        ORDER BY priority DESC, due_at, id
        OFFSET @offset ROWS FETCH NEXT @pageSize ROWS ONLY";

    private const string CountQuery = @"SELECT COUNT(*) FROM maintenance_order
        WHERE (@status IS NULL OR status = @status)
          AND (@assetTag IS NULL OR asset_tag = @assetTag)
          AND (@dueBefore IS NULL OR due_at < @dueBefore)";

    private const string ByIdQuery = SelectColumns + " WHERE id = @id";

    private const string ClosedBetweenQuery = SelectColumns +
        " WHERE status = @closed AND closed_at >= @from AND closed_at < @to ORDER BY closed_at";

    private readonly DbDataSource _dataSource;
    private readonly MaintenanceReportOptions _options;
    private readonly ILogger<MaintenanceRepository> _logger;

    public MaintenanceRepository(DbDataSource dataSource, IOptions<MaintenanceReportOptions> options, ILogger<MaintenanceRepository> logger)
    {
        _dataSource = dataSource;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<MaintenanceOrder?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ByIdQuery;
        AddParameter(command, "@id", DbType.Int64, id);

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? MapOrder(reader) : null;
    }

    public async Task<MaintenancePage<MaintenanceOrder>> QueryAsync(MaintenanceOrderFilter filter, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, filter.Page);
        var pageSize = Math.Clamp(filter.PageSize, 1, _options.MaxPageSize);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);

        int total;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = CountQuery;
            AddFilterParameters(count, filter);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var items = new List<MaintenanceOrder>(pageSize);
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = PageQuery;
            AddFilterParameters(select, filter);
            AddParameter(select, "@offset", DbType.Int32, (page - 1) * pageSize);
            AddParameter(select, "@pageSize", DbType.Int32, pageSize);

            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(MapOrder(reader));
            }
        }

        _logger.LogDebug("Loaded page {Page} of maintenance orders ({Count} of {Total})", page, items.Count, total);
        return new MaintenancePage<MaintenanceOrder>(items, page, pageSize, total);
    }

    public async Task<bool> CloseOrderAsync(MaintenanceClosure closure, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(closure.Technician);
        var closedAt = DateTimeOffset.UtcNow;

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = @"UPDATE maintenance_order SET status = @closed, closed_at = @closedAt, technician = @technician
                WHERE id = @id AND status IN (@open, @inProgress)";
            AddParameter(update, "@closed", DbType.Int32, (int)MaintenanceOrderStatus.Closed);
            AddParameter(update, "@closedAt", DbType.DateTimeOffset, closedAt);
            AddParameter(update, "@technician", DbType.String, closure.Technician);
            AddParameter(update, "@id", DbType.Int64, closure.OrderId);
            AddParameter(update, "@open", DbType.Int32, (int)MaintenanceOrderStatus.Open);
            AddParameter(update, "@inProgress", DbType.Int32, (int)MaintenanceOrderStatus.InProgress);

            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                _logger.LogWarning("Order {Id} was not open and could not be closed", closure.OrderId);
                return false;
            }

            await using var log = connection.CreateCommand();
            log.Transaction = transaction;
            log.CommandText = @"INSERT INTO maintenance_log (order_id, logged_at, technician, findings, labour_minutes)
                VALUES (@id, @loggedAt, @technician, @findings, @labour)";
            AddParameter(log, "@id", DbType.Int64, closure.OrderId);
            AddParameter(log, "@loggedAt", DbType.DateTimeOffset, closedAt);
            AddParameter(log, "@technician", DbType.String, closure.Technician);
            AddParameter(log, "@findings", DbType.String, closure.Findings);
            AddParameter(log, "@labour", DbType.Int32, (int)Math.Ceiling(closure.Labour.TotalMinutes));
            await log.ExecuteNonQueryAsync(cancellationToken);

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            _logger.LogError(ex, "Closing order {Id} failed and was rolled back", closure.OrderId);
            throw;
        }

        _logger.LogInformation("Order {Id} closed by {Technician}", closure.OrderId, closure.Technician);
        return true;
    }

    public async Task<string> ExportDailyReportAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"maintenance-{day:yyyy-MM-dd}.csv");
        var path = Path.Combine(_options.ReportsDirectory, fileName);
        Directory.CreateDirectory(_options.ReportsDirectory);

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ClosedBetweenQuery;
        AddParameter(command, "@closed", DbType.Int32, (int)MaintenanceOrderStatus.Closed);
        AddParameter(command, "@from", DbType.DateTimeOffset, from);
        AddParameter(command, "@to", DbType.DateTimeOffset, from.AddDays(1));

        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            await writer.WriteLineAsync("Id;Asset;Title;Priority;Due;Closed;Technician".AsMemory(), cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var order = MapOrder(reader);
                var line = string.Join(';',
                    order.Id.ToString(CultureInfo.InvariantCulture),
                    CsvField(order.AssetTag),
                    CsvField(order.Title),
                    order.Priority.ToString(CultureInfo.InvariantCulture),
                    order.DueAt?.ToString("u", CultureInfo.InvariantCulture) ?? "",
                    order.ClosedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "",
                    CsvField(order.Technician ?? ""));
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
                rows++;
            }
        }

        _logger.LogInformation("Exported {Rows} closed orders for {Day} to {Path}", rows, day, path);
        return path;
    }

    private static void AddFilterParameters(DbCommand command, MaintenanceOrderFilter filter)
    {
        AddParameter(command, "@status", DbType.Int32, filter.Status is { } status ? (int)status : null);
        AddParameter(command, "@assetTag", DbType.String, string.IsNullOrWhiteSpace(filter.AssetTag) ? null : filter.AssetTag.Trim());
        AddParameter(command, "@dueBefore", DbType.DateTimeOffset, filter.DueBefore);
    }

    private static void AddParameter(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static MaintenanceOrder MapOrder(DbDataReader reader) => new(
        Id: reader.GetInt64(0),
        AssetTag: reader.GetString(1),
        Title: reader.GetString(2),
        Status: (MaintenanceOrderStatus)reader.GetInt32(3),
        Priority: reader.GetInt32(4),
        CreatedAt: reader.GetFieldValue<DateTimeOffset>(5),
        DueAt: reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
        ClosedAt: reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        Technician: reader.IsDBNull(8) ? null : reader.GetString(8));

    private static string CsvField(string value)
    {
        // A leading formula character would be evaluated by spreadsheet tools, so it is neutralised with a quote.
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return text.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
