using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureDev.Analyzers.Rules;
using SecureDev.Analyzers.Taint;

namespace SecureDev.Analyzers.Injection;

/// <summary>
/// Untrusted data in SQL command text: ADO.NET CommandText and command constructors (Microsoft.Data.Sqlite, SqlClient, Npgsql), Dapper's Query and Execute, EF Core FromSqlRaw, ExecuteSqlRaw and SqlQueryRaw.
/// The flow is found by the shared taint engine (Taint/README.md).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlInjectionAnalyzer() : TaintRuleAnalyzer(SinkClass.Sql, RuleCatalog.SqlInjection);
