namespace SecureDev.Benchmarks;

/// <summary>The figures the benchmarks report from repeated runs.</summary>
internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// A 95 % confidence interval for the median that assumes nothing about the distribution (a compile's time on a shared
    /// machine is not normal): the k-th smallest and k-th largest runs, k the largest with P(Binomial(n, ½) &lt; k) ≤ 2.5 %.
    /// With fewer than six runs no such k exists and the interval is the whole range, whose confidence is then below 95 %.
    /// </summary>
    public static (double Low, double High) MedianInterval(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return (0, 0);
        }

        var n = sorted.Count;
        var k = 1;
        while (k < n / 2 && BinomialHalfAtMost(n, k) <= 0.025)
        {
            k++;
        }

        return (sorted[k - 1], sorted[n - k]);
    }

    /// <summary>P(Binomial(n, ½) ≤ x).</summary>
    private static double BinomialHalfAtMost(int n, int x)
    {
        double term = Math.Pow(0.5, n), sum = 0;
        for (var i = 0; i <= x; i++)
        {
            sum += term;
            term = term * (n - i) / (i + 1);
        }

        return sum;
    }
}
