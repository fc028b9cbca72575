// Stand-ins for data-access and directory libraries the taint sinks name that are not on the package feed, declared
// under their real namespaces with the real member names and parameter names: Dapper, EF Core (relational),
// System.DirectoryServices and System.DirectoryServices.Protocols. Microsoft.Data.Sqlite is the real package.
#nullable disable
using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Dapper
{
    public static class SqlMapper
    {
        public static IEnumerable<T> Query<T>(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null) => null;

        public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null) => null;

        public static int Execute(this IDbConnection cnn, string sql, object param = null, IDbTransaction transaction = null) => 0;
    }
}

namespace Microsoft.EntityFrameworkCore
{
    public class DbContext
    {
        public Infrastructure.DatabaseFacade Database { get; }
    }

    public abstract class DbSet<TEntity> : IQueryable<TEntity> where TEntity : class
    {
        public Type ElementType => typeof(TEntity);

        public System.Linq.Expressions.Expression Expression => null;

        public IQueryProvider Provider => null;

        public IEnumerator<TEntity> GetEnumerator() => null;

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null;
    }

    public static class RelationalQueryableExtensions
    {
        public static IQueryable<TEntity> FromSqlRaw<TEntity>(this DbSet<TEntity> source, string sql, params object[] parameters) where TEntity : class => source;

        public static IQueryable<TEntity> FromSql<TEntity>(this DbSet<TEntity> source, FormattableString sql) where TEntity : class => source;
    }

    public static class RelationalDatabaseFacadeExtensions
    {
        public static int ExecuteSqlRaw(this Infrastructure.DatabaseFacade databaseFacade, string sql, params object[] parameters) => 0;

        public static int ExecuteSqlInterpolated(this Infrastructure.DatabaseFacade databaseFacade, FormattableString sql) => 0;
    }
}

namespace Microsoft.EntityFrameworkCore.Infrastructure
{
    public class DatabaseFacade
    {
    }
}

namespace System.DirectoryServices
{
    public class DirectoryEntry : IDisposable
    {
        public DirectoryEntry() { }

        public DirectoryEntry(string path) { }

        public void Dispose() { }
    }

    public class DirectorySearcher : IDisposable
    {
        public DirectorySearcher() { }

        public DirectorySearcher(string filter) { }

        public DirectorySearcher(DirectoryEntry searchRoot, string filter) { }

        public string Filter { get; set; }

        public object FindOne() => null;

        public void Dispose() { }
    }
}

namespace System.DirectoryServices.Protocols
{
    public enum SearchScope
    {
        Base = 0,
        OneLevel = 1,
        Subtree = 2,
    }

    public class SearchRequest
    {
        public SearchRequest(string distinguishedName, string ldapFilter, SearchScope searchScope, params string[] attributeList) { }

        public object Filter { get; set; }
    }
}
