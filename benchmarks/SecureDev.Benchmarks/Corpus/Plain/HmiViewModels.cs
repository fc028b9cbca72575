// Ordinary product code: operator panel view models (faceplate, trend, alarm list, unit conversion) with no security APIs.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Windows.Input;

namespace Corpus.Template;

public abstract class PanelViewModelBase : INotifyPropertyChanged
{
    public event PropertyChangedEventHandler? PropertyChanged;

    protected bool SetProperty<T>(ref T field, T value, [CallerMemberName] string? propertyName = null)
    {
        if (EqualityComparer<T>.Default.Equals(field, value)) return false;
        field = value;
        OnPropertyChanged(propertyName);
        return true;
    }

    protected void OnPropertyChanged([CallerMemberName] string? propertyName = null) =>
        PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(propertyName));
}

public sealed class PanelRelayCommand : ICommand
{
    private readonly Action<object?> _execute;
    private readonly Func<object?, bool>? _canExecute;

    public PanelRelayCommand(Action<object?> execute, Func<object?, bool>? canExecute = null)
    {
        _execute = execute ?? throw new ArgumentNullException(nameof(execute));
        _canExecute = canExecute;
    }

    public event EventHandler? CanExecuteChanged;
    public bool CanExecute(object? parameter) => _canExecute?.Invoke(parameter) ?? true;

    public void Execute(object? parameter)
    {
        if (CanExecute(parameter)) _execute(parameter);
    }

    public void RaiseCanExecuteChanged() => CanExecuteChanged?.Invoke(this, EventArgs.Empty);
}

public enum PanelAlarmColour { Neutral, Advisory, Warning, Critical, Stale }
public enum PanelTemperatureUnit { Celsius, Fahrenheit }
public enum PanelPressureUnit { Bar, Psi }

public static class PanelUnits
{
    private const double PsiPerBar = 14.503773773;

    public static double ConvertTemperature(double value, PanelTemperatureUnit from, PanelTemperatureUnit to) => (from, to) switch
    {
        (PanelTemperatureUnit.Celsius, PanelTemperatureUnit.Fahrenheit) => value * 9.0 / 5.0 + 32.0,
        (PanelTemperatureUnit.Fahrenheit, PanelTemperatureUnit.Celsius) => (value - 32.0) * 5.0 / 9.0,
        _ => value,
    };

    public static double ConvertPressure(double value, PanelPressureUnit from, PanelPressureUnit to) => (from, to) switch
    {
        (PanelPressureUnit.Bar, PanelPressureUnit.Psi) => value * PsiPerBar,
        (PanelPressureUnit.Psi, PanelPressureUnit.Bar) => value / PsiPerBar,
        _ => value,
    };

    public static string Symbol(PanelTemperatureUnit unit) => unit == PanelTemperatureUnit.Celsius ? "°C" : "°F";

    public static string Format(double value, string unit, int decimals, CultureInfo culture)
    {
        var text = value.ToString("F" + Math.Clamp(decimals, 0, 6).ToString(CultureInfo.InvariantCulture), culture);
        return string.IsNullOrEmpty(unit) ? text : $"{text} {unit}";
    }
}

public sealed class PanelTagFaceplateViewModel : PanelViewModelBase
{
    private readonly CultureInfo _culture;
    private double _value;
    private DateTimeOffset _lastUpdate;

    public PanelTagFaceplateViewModel(string tag, CultureInfo? culture = null) =>
        (Tag, _culture) = (tag, culture ?? CultureInfo.CurrentCulture);

    public string Tag { get; }
    public string Unit { get; init; } = "";
    public int Decimals { get; init; } = 1;
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(30);
    public double LowLimit { get; private set; } = double.NegativeInfinity;
    public double HighLimit { get; private set; } = double.PositiveInfinity;

    public double Value => _value;

    public string FormattedValue => PanelUnits.Format(_value, Unit, Decimals, _culture);

    public PanelAlarmColour Colour => EvaluateColour(DateTimeOffset.UtcNow);

    public void SetLimits(double low, double high)
    {
        if (high <= low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, "The high limit must be greater than the low limit.");
        }

        (LowLimit, HighLimit) = (low, high);
        RefreshDerived();
    }

    public void Update(double value, DateTimeOffset timestamp)
    {
        _lastUpdate = timestamp;
        if (SetProperty(ref _value, value, nameof(Value)))
        {
            RefreshDerived();
        }
        else
        {
            OnPropertyChanged(nameof(Colour)); // a fresh sample may end the stale state even when the value is unchanged
        }
    }

    public PanelAlarmColour EvaluateColour(DateTimeOffset now)
    {
        if (_lastUpdate == default || now - _lastUpdate > StaleAfter) return PanelAlarmColour.Stale;
        var span = HighLimit - LowLimit;
        var margin = double.IsFinite(span) ? span * 0.05 : 0.0;
        return _value switch
        {
            var v when v > HighLimit || v < LowLimit => PanelAlarmColour.Critical,
            var v when margin > 0 && (v > HighLimit - margin || v < LowLimit + margin) => PanelAlarmColour.Warning,
            var v when margin > 0 && (v > HighLimit - 2 * margin || v < LowLimit + 2 * margin) => PanelAlarmColour.Advisory,
            _ => PanelAlarmColour.Neutral,
        };
    }

    private void RefreshDerived()
    {
        OnPropertyChanged(nameof(LowLimit));
        OnPropertyChanged(nameof(HighLimit));
        OnPropertyChanged(nameof(FormattedValue));
        OnPropertyChanged(nameof(Colour));
    }
}

public readonly record struct PanelTrendPoint(DateTimeOffset Time, double Value);

public sealed class PanelTrendViewModel : PanelViewModelBase
{
    private const int MaxPoints = 5000;
    private DateTimeOffset _windowEnd = DateTimeOffset.UtcNow;
    private TimeSpan _windowLength = TimeSpan.FromMinutes(10);
    private double _axisMin;
    private double _axisMax = 100.0;

    public ObservableCollection<PanelTrendPoint> Points { get; } = new();
    public TimeSpan WindowLength { get => _windowLength; private set => SetProperty(ref _windowLength, value); }
    public DateTimeOffset WindowEnd { get => _windowEnd; private set => SetProperty(ref _windowEnd, value); }
    public double AxisMin { get => _axisMin; private set => SetProperty(ref _axisMin, value); }
    public double AxisMax { get => _axisMax; private set => SetProperty(ref _axisMax, value); }
    public bool FollowLatest { get; set; } = true;

    public void Append(PanelTrendPoint point)
    {
        Points.Add(point);
        while (Points.Count > MaxPoints) Points.RemoveAt(0);
        if (FollowLatest) WindowEnd = point.Time;
    }

    public IEnumerable<PanelTrendPoint> VisiblePoints()
    {
        var start = WindowEnd - WindowLength;
        return Points.Where(p => p.Time >= start && p.Time <= WindowEnd);
    }

    public void Zoom(double factor)
    {
        if (factor <= 0 || double.IsNaN(factor)) return;
        var ticks = Math.Clamp(WindowLength.Ticks / factor, TimeSpan.TicksPerSecond * 10.0, TimeSpan.TicksPerDay * 7.0);
        WindowLength = TimeSpan.FromTicks((long)ticks);
    }

    public void Pan(double fractionOfWindow)
    {
        FollowLatest = false;
        WindowEnd += TimeSpan.FromTicks((long)(WindowLength.Ticks * fractionOfWindow));
    }

    public void AutoScale(double paddingFraction = 0.05)
    {
        var values = VisiblePoints().Select(p => p.Value).Where(double.IsFinite).ToList();
        if (values.Count == 0) return;
        var (min, max) = (values.Min(), values.Max());
        var padding = max > min ? (max - min) * paddingFraction : Math.Max(Math.Abs(max) * 0.1, 1.0);
        AxisMin = min - padding;
        AxisMax = max + padding;
    }
}

public enum PanelAlarmSeverity { Low = 1, Medium = 2, High = 3, Urgent = 4 }
public enum PanelAlarmSortOrder { NewestFirst, OldestFirst, SeverityThenTime, ByTag }

public sealed record PanelAlarmEntry(Guid Id, string Tag, string Message, PanelAlarmSeverity Severity, DateTimeOffset RaisedAt)
{
    public bool Acknowledged { get; init; }
    public string? AcknowledgedBy { get; init; }
}

public sealed class PanelAlarmListViewModel : PanelViewModelBase
{
    private readonly List<PanelAlarmEntry> _all = new();
    private readonly Func<string> _currentOperator;
    private PanelAlarmEntry? _selected;
    private string _filterText = "";
    private PanelAlarmSeverity _minimumSeverity = PanelAlarmSeverity.Low;
    private PanelAlarmSortOrder _sortOrder = PanelAlarmSortOrder.SeverityThenTime;

    public PanelAlarmListViewModel(Func<string> currentOperator)
    {
        _currentOperator = currentOperator;
        AcknowledgeCommand = new PanelRelayCommand(_ => AcknowledgeSelected(), _ => Selected is { Acknowledged: false });
    }

    public ObservableCollection<PanelAlarmEntry> Visible { get; } = new();
    public PanelRelayCommand AcknowledgeCommand { get; }
    public int UnacknowledgedCount => _all.Count(a => !a.Acknowledged);

    public PanelAlarmEntry? Selected
    {
        get => _selected;
        set { if (SetProperty(ref _selected, value)) AcknowledgeCommand.RaiseCanExecuteChanged(); }
    }

    public string FilterText { get => _filterText; set { if (SetProperty(ref _filterText, value ?? "")) Refresh(); } }
    public PanelAlarmSeverity MinimumSeverity { get => _minimumSeverity; set { if (SetProperty(ref _minimumSeverity, value)) Refresh(); } }
    public PanelAlarmSortOrder SortOrder { get => _sortOrder; set { if (SetProperty(ref _sortOrder, value)) Refresh(); } }
    public bool HideAcknowledged { get; init; }

    public void Raise(PanelAlarmEntry entry)
    {
        _all.Add(entry);
        Refresh();
    }

    private void AcknowledgeSelected()
    {
        if (Selected is not { } entry) return;
        var index = _all.FindIndex(a => a.Id == entry.Id);
        if (index >= 0) _all[index] = _all[index] with { Acknowledged = true, AcknowledgedBy = _currentOperator() };
        Refresh();
    }

    private void Refresh()
    {
        var selectedId = Selected?.Id;
        var query = _all.Where(a => a.Severity >= MinimumSeverity && (!HideAcknowledged || !a.Acknowledged));
        if (!string.IsNullOrWhiteSpace(FilterText))
        {
            query = query.Where(a => a.Tag.Contains(FilterText, StringComparison.OrdinalIgnoreCase)
                || a.Message.Contains(FilterText, StringComparison.OrdinalIgnoreCase));
        }

        IEnumerable<PanelAlarmEntry> ordered = SortOrder switch
        {
            PanelAlarmSortOrder.NewestFirst => query.OrderByDescending(a => a.RaisedAt),
            PanelAlarmSortOrder.OldestFirst => query.OrderBy(a => a.RaisedAt),
            PanelAlarmSortOrder.ByTag => query.OrderBy(a => a.Tag, StringComparer.OrdinalIgnoreCase).ThenByDescending(a => a.RaisedAt),
            _ => query.OrderByDescending(a => a.Severity).ThenByDescending(a => a.RaisedAt),
        };

        Visible.Clear();
        foreach (var entry in ordered) Visible.Add(entry);
        Selected = Visible.FirstOrDefault(a => a.Id == selectedId);
        OnPropertyChanged(nameof(UnacknowledgedCount));
    }
}
