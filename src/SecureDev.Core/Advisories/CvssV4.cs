using System.Globalization;

namespace SecureDev.Core.Advisories;

/// <summary>
/// The CVSS v4.0 score of a vector string, as the FIRST specification (section 8.2) computes it: the vector's MacroVector
/// (equivalence classes EQ1 to EQ6) gives the score of its highest-severity member from the specification's lookup table,
/// and the vector's severity distance to that member, proportionally to the MacroVector's depth, lowers it towards the
/// next lower MacroVector. Threat and environmental metrics are honoured (E defaults to Attacked, CR/IR/AR to High).
/// </summary>
public static class CvssV4
{
    private static readonly string[] BaseMetrics = { "AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA" };

    // Allowed values of every metric the specification defines; "X" is "not defined" for the optional ones.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["AV"] = new[] { "N", "A", "L", "P" },
        ["AC"] = new[] { "L", "H" },
        ["AT"] = new[] { "N", "P" },
        ["PR"] = new[] { "N", "L", "H" },
        ["UI"] = new[] { "N", "P", "A" },
        ["VC"] = new[] { "H", "L", "N" },
        ["VI"] = new[] { "H", "L", "N" },
        ["VA"] = new[] { "H", "L", "N" },
        ["SC"] = new[] { "H", "L", "N" },
        ["SI"] = new[] { "H", "L", "N" },
        ["SA"] = new[] { "H", "L", "N" },
        ["E"] = new[] { "X", "A", "P", "U" },
        ["CR"] = new[] { "X", "H", "M", "L" },
        ["IR"] = new[] { "X", "H", "M", "L" },
        ["AR"] = new[] { "X", "H", "M", "L" },
        ["MAV"] = new[] { "X", "N", "A", "L", "P" },
        ["MAC"] = new[] { "X", "L", "H" },
        ["MAT"] = new[] { "X", "N", "P" },
        ["MPR"] = new[] { "X", "N", "L", "H" },
        ["MUI"] = new[] { "X", "N", "P", "A" },
        ["MVC"] = new[] { "X", "H", "L", "N" },
        ["MVI"] = new[] { "X", "H", "L", "N" },
        ["MVA"] = new[] { "X", "H", "L", "N" },
        ["MSC"] = new[] { "X", "H", "L", "N" },
        ["MSI"] = new[] { "X", "S", "H", "L", "N" },
        ["MSA"] = new[] { "X", "S", "H", "L", "N" },
        ["S"] = new[] { "X", "N", "P" },
        ["AU"] = new[] { "X", "N", "Y" },
        ["R"] = new[] { "X", "A", "U", "I" },
        ["V"] = new[] { "X", "D", "C" },
        ["RE"] = new[] { "X", "L", "M", "H" },
        ["U"] = new[] { "X", "Clear", "Green", "Amber", "Red" },
    };

    // Severity levels within each metric (0.1 steps), for the distance to the highest-severity vector of a MacroVector.
    private static readonly Dictionary<string, Dictionary<string, double>> Levels = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ["N"] = 0.0, ["A"] = 0.1, ["L"] = 0.2, ["P"] = 0.3 },
        ["PR"] = new() { ["N"] = 0.0, ["L"] = 0.1, ["H"] = 0.2 },
        ["UI"] = new() { ["N"] = 0.0, ["P"] = 0.1, ["A"] = 0.2 },
        ["AC"] = new() { ["L"] = 0.0, ["H"] = 0.1 },
        ["AT"] = new() { ["N"] = 0.0, ["P"] = 0.1 },
        ["VC"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VI"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VA"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["SC"] = new() { ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SI"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SA"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["CR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["IR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["AR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["E"] = new() { ["U"] = 0.2, ["P"] = 0.1, ["A"] = 0.0 },
    };

    // The highest-severity vectors of each class of each equivalence set (EQ3 together with EQ6).
    private static readonly string[][] Eq1Max =
    {
        new[] { "AV:N/PR:N/UI:N" },
        new[] { "AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P" },
        new[] { "AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P" },
    };

    private static readonly string[][] Eq2Max = { new[] { "AC:L/AT:N" }, new[] { "AC:H/AT:N", "AC:L/AT:P" } };

    private static readonly Dictionary<(int Eq3, int Eq6), string[]> Eq3Eq6Max = new()
    {
        [(0, 0)] = new[] { "VC:H/VI:H/VA:H/CR:H/IR:H/AR:H" },
        [(0, 1)] = new[] { "VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M" },
        [(1, 0)] = new[] { "VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H" },
        [(1, 1)] = new[] { "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M", "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M" },
        [(2, 1)] = new[] { "VC:L/VI:L/VA:L/CR:H/IR:H/AR:H" },
    };

    private static readonly string[][] Eq4Max = { new[] { "SC:H/SI:S/SA:S" }, new[] { "SC:H/SI:H/SA:H" }, new[] { "SC:L/SI:L/SA:L" } };

    private static readonly string[][] Eq5Max = { new[] { "E:A" }, new[] { "E:P" }, new[] { "E:U" } };

    // The depth of each class (its largest severity distance, plus one), in steps of 0.1.
    private static readonly int[] Eq1Depth = { 1, 4, 5 };
    private static readonly int[] Eq2Depth = { 1, 2 };
    private static readonly Dictionary<(int Eq3, int Eq6), int> Eq3Eq6Depth = new() { [(0, 0)] = 7, [(0, 1)] = 6, [(1, 0)] = 8, [(1, 1)] = 8, [(2, 1)] = 10 };
    private static readonly int[] Eq4Depth = { 6, 5, 4 };

    // The score of every MacroVector (EQ1 EQ2 EQ3 EQ4 EQ5 EQ6), from the specification's lookup table.
    private static readonly Dictionary<string, double> MacroVectorScores = Parse(
        "000000:10 000001:9.9 000010:9.8 000011:9.5 000020:9.5 000021:9.2 000100:10 000101:9.6 000110:9.3 " +
        "000111:8.7 000120:9.1 000121:8.1 000200:9.3 000201:9 000210:8.9 000211:8 000220:8.1 000221:6.8 " +
        "001000:9.8 001001:9.5 001010:9.5 001011:9.2 001020:9 001021:8.4 001100:9.3 001101:9.2 001110:8.9 " +
        "001111:8.1 001120:8.1 001121:6.5 001200:8.8 001201:8 001210:7.8 001211:7 001220:6.9 001221:4.8 " +
        "002001:9.2 002011:8.2 002021:7.2 002101:7.9 002111:6.9 002121:5 002201:6.9 002211:5.5 002221:2.7 " +
        "010000:9.9 010001:9.7 010010:9.5 010011:9.2 010020:9.2 010021:8.5 010100:9.5 010101:9.1 010110:9 " +
        "010111:8.3 010120:8.4 010121:7.1 010200:9.2 010201:8.1 010210:8.2 010211:7.1 010220:7.2 010221:5.3 " +
        "011000:9.5 011001:9.3 011010:9.2 011011:8.5 011020:8.5 011021:7.3 011100:9.2 011101:8.2 011110:8 " +
        "011111:7.2 011120:7 011121:5.9 011200:8.4 011201:7 011210:7.1 011211:5.2 011220:5 011221:3 " +
        "012001:8.6 012011:7.5 012021:5.2 012101:7.1 012111:5.2 012121:2.9 012201:6.3 012211:2.9 012221:1.7 " +
        "100000:9.8 100001:9.5 100010:9.4 100011:8.7 100020:9.1 100021:8.1 100100:9.4 100101:8.9 100110:8.6 " +
        "100111:7.4 100120:7.7 100121:6.4 100200:8.7 100201:7.5 100210:7.4 100211:6.3 100220:6.3 100221:4.9 " +
        "101000:9.4 101001:8.9 101010:8.8 101011:7.7 101020:7.6 101021:6.7 101100:8.6 101101:7.6 101110:7.4 " +
        "101111:5.8 101120:5.9 101121:5 101200:7.2 101201:5.7 101210:5.7 101211:5.2 101220:5.2 101221:2.5 " +
        "102001:8.3 102011:7 102021:5.4 102101:6.5 102111:5.8 102121:2.6 102201:5.3 102211:2.1 102221:1.3 " +
        "110000:9.5 110001:9 110010:8.8 110011:7.6 110020:7.6 110021:7 110100:9 110101:7.7 110110:7.5 " +
        "110111:6.2 110120:6.1 110121:5.3 110200:7.7 110201:6.6 110210:6.8 110211:5.9 110220:5.2 110221:3 " +
        "111000:8.9 111001:7.8 111010:7.6 111011:6.7 111020:6.2 111021:5.8 111100:7.4 111101:5.9 111110:5.7 " +
        "111111:5.7 111120:4.7 111121:2.3 111200:6.1 111201:5.2 111210:5.7 111211:2.9 111220:2.4 111221:1.6 " +
        "112001:7.1 112011:5.9 112021:3 112101:5.8 112111:2.6 112121:1.5 112201:2.3 112211:1.3 112221:0.6 " +
        "200000:9.3 200001:8.7 200010:8.6 200011:7.2 200020:7.5 200021:5.8 200100:8.6 200101:7.4 200110:7.4 " +
        "200111:6.1 200120:5.6 200121:3.4 200200:7 200201:5.4 200210:5.2 200211:4 200220:4 200221:2.2 " +
        "201000:8.5 201001:7.5 201010:7.4 201011:5.5 201020:6.2 201021:5.1 201100:7.2 201101:5.7 201110:5.5 " +
        "201111:4.1 201120:4.6 201121:1.9 201200:5.3 201201:3.6 201210:3.4 201211:1.9 201220:1.9 201221:0.8 " +
        "202001:6.4 202011:5.1 202021:2 202101:4.7 202111:2.1 202121:1.1 202201:2.4 202211:0.9 202221:0.4 " +
        "210000:8.8 210001:7.5 210010:7.3 210011:5.3 210020:6 210021:5 210100:7.3 210101:5.5 210110:5.9 " +
        "210111:4 210120:4.1 210121:2 210200:5.4 210201:4.3 210210:4.5 210211:2.2 210220:2 210221:1.1 " +
        "211000:7.5 211001:5.5 211010:5.8 211011:4.5 211020:4 211021:2.1 211100:6.1 211101:5.1 211110:4.8 " +
        "211111:1.8 211120:2 211121:0.9 211200:4.6 211201:1.8 211210:1.7 211211:0.7 211220:0.8 211221:0.2 " +
        "212001:5.3 212011:2.4 212021:1.4 212101:2.4 212111:1.2 212121:0.5 212201:1 212211:0.3 212221:0.1");

    public static bool TryScore(string vector, out double score)
    {
        score = 0;
        if (!TryParse(vector, out var metrics))
        {
            return false;
        }

        string Effective(string metric)
        {
            var given = metrics.TryGetValue(metric, out var v) ? v : "X";
            if (given == "X")
            {
                switch (metric)
                {
                    case "E": return "A";
                    case "CR" or "IR" or "AR": return "H";
                }
            }

            return metrics.TryGetValue("M" + metric, out var modified) && modified != "X" ? modified : given;
        }

        if (new[] { "VC", "VI", "VA", "SC", "SI", "SA" }.All(m => Effective(m) == "N"))
        {
            return true;
        }

        var av = Effective("AV");
        var pr = Effective("PR");
        var ui = Effective("UI");
        var eq1 = av == "N" && pr == "N" && ui == "N" ? 0 : (av == "N" || pr == "N" || ui == "N") && av != "P" ? 1 : 2;
        var eq2 = Effective("AC") == "L" && Effective("AT") == "N" ? 0 : 1;
        var vc = Effective("VC");
        var vi = Effective("VI");
        var va = Effective("VA");
        var eq3 = vc == "H" && vi == "H" ? 0 : vc == "H" || vi == "H" || va == "H" ? 1 : 2;
        var eq4 = Effective("MSI") == "S" || Effective("MSA") == "S" ? 0 : Effective("SC") == "H" || Effective("SI") == "H" || Effective("SA") == "H" ? 1 : 2;
        var eq5 = Effective("E") switch { "A" => 0, "P" => 1, _ => 2 };
        var eq6 = (Effective("CR") == "H" && vc == "H") || (Effective("IR") == "H" && vi == "H") || (Effective("AR") == "H" && va == "H") ? 0 : 1;

        var value = MacroVectorScores[Key(eq1, eq2, eq3, eq4, eq5, eq6)];

        // The next lower MacroVector of each equivalence set; null where there is none.
        var lowerEq1 = Lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        var lowerEq2 = Lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        double? lowerEq3Eq6 = (eq3, eq6) switch
        {
            (0, 0) => Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1) is { } left && Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6) is { } right ? Math.Max(left, right) : null,
            (1, 0) => Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
            (0, 1) or (1, 1) => Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6),
            _ => Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1),
        };
        var lowerEq4 = Lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        var lowerEq5 = Lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        // The first highest-severity vector of the MacroVector from which every metric of the vector is at most as severe.
        var distances = new Dictionary<string, double>(StringComparer.Ordinal);
        var candidates =
            from e1 in Eq1Max[eq1]
            from e2 in Eq2Max[eq2]
            from e3 in Eq3Eq6Max[(eq3, eq6)]
            from e4 in Eq4Max[eq4]
            from e5 in Eq5Max[eq5]
            select string.Join("/", e1, e2, e3, e4, e5).Split('/').Select(p => p.Split(':')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        foreach (var max in candidates)
        {
            distances = Levels.Keys.ToDictionary(m => m, m => Levels[m][Effective(m)] - Levels[m][max[m]], StringComparer.Ordinal);
            if (distances.Values.All(d => d >= 0))
            {
                break;
            }
        }

        var distanceEq1 = distances["AV"] + distances["PR"] + distances["UI"];
        var distanceEq2 = distances["AC"] + distances["AT"];
        var distanceEq3Eq6 = distances["VC"] + distances["VI"] + distances["VA"] + distances["CR"] + distances["IR"] + distances["AR"];
        var distanceEq4 = distances["SC"] + distances["SI"] + distances["SA"];
        const double step = 0.1;

        var existing = 0;
        var total = 0.0;
        void Add(double? lower, double distance, double depth)
        {
            if (lower is { } l)
            {
                existing++;
                total += (value - l) * (distance / depth);
            }
        }

        Add(lowerEq1, distanceEq1, Eq1Depth[eq1] * step);
        Add(lowerEq2, distanceEq2, Eq2Depth[eq2] * step);
        Add(lowerEq3Eq6, distanceEq3Eq6, Eq3Eq6Depth[(eq3, eq6)] * step);
        Add(lowerEq4, distanceEq4, Eq4Depth[eq4] * step);
        if (lowerEq5 is not null)
        {
            // Within a MacroVector every vector has the same EQ5 class, so its distance is always 0.
            existing++;
        }

        var mean = existing == 0 ? 0 : total / existing;
        score = Math.Floor((Math.Max(0, Math.Min(10, value - mean)) * 10) + 0.5) / 10;
        return true;
    }

    /// <summary>Reads "CVSS:4.0/AV:N/...": every base metric once, other metrics at most once, only values the specification defines.</summary>
    private static bool TryParse(string vector, out Dictionary<string, string> metrics)
    {
        metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = vector.Trim().Split('/');
        if (parts[0] != "CVSS:4.0")
        {
            return false;
        }

        foreach (var part in parts.Skip(1))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0
                || !Allowed.TryGetValue(part[..colon], out var values)
                || !values.Contains(part[(colon + 1)..], StringComparer.Ordinal)
                || !metrics.TryAdd(part[..colon], part[(colon + 1)..]))
            {
                return false;
            }
        }

        return BaseMetrics.All(metrics.ContainsKey);
    }

    private static string Key(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) =>
        string.Create(CultureInfo.InvariantCulture, $"{eq1}{eq2}{eq3}{eq4}{eq5}{eq6}");

    private static double? Lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) =>
        MacroVectorScores.TryGetValue(Key(eq1, eq2, eq3, eq4, eq5, eq6), out var score) ? score : null;

    private static Dictionary<string, double> Parse(string table) => table
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split(':'))
        .ToDictionary(entry => entry[0], entry => double.Parse(entry[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
