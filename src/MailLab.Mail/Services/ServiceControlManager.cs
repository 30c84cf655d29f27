namespace MailLab.Mail.Services;

/// <summary>
/// The services of one server and the Service Control Manager's rules over them: starting a service
/// starts the services it depends on first (and fails with 1068 when one of them cannot start);
/// stopping a service that running services depend on is refused with 1051 unless its dependents are
/// stopped with it, dependents first, as the Services console does after its "Stop Other Services"
/// question; a disabled service does not start (1058), and disabling a running service leaves it
/// running until it stops. Start and stop complete at once.
/// </summary>
public sealed class ServiceControlManager
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Entry> _ordered = [];

    public ServiceControlManager(IEnumerable<ServiceDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (!_byName.TryAdd(definition.Name, new Entry(definition)))
            {
                throw new ArgumentException($"the service {definition.Name} is defined twice", nameof(definitions));
            }

            _ordered.Add(_byName[definition.Name]);
        }

        foreach (var entry in _ordered)
        {
            foreach (var dependency in entry.Definition.DependsOn)
            {
                if (!_byName.TryGetValue(dependency, out var on))
                {
                    throw new ArgumentException($"{entry.Definition.Name} depends on {dependency}, which is not defined", nameof(definitions));
                }

                entry.Dependencies.Add(on);
                on.Dependents.Add(entry);
            }
        }

        foreach (var entry in _ordered)
        {
            CheckNoCycle(entry, []);
        }
    }

    /// <summary>Raised after a service's status changes, once per service, outside the manager's lock.</summary>
    public event Action<ServiceChange>? Changed;

    /// <summary>Every service, in the order defined.</summary>
    public IReadOnlyList<ServiceView> Services
    {
        get
        {
            lock (_lock)
            {
                return _ordered.Select(View).ToList();
            }
        }
    }

    /// <summary>The service by short name or display name; null when there is none.</summary>
    public ServiceView? Find(string name)
    {
        lock (_lock)
        {
            var entry = Resolve(name);
            return entry is null ? null : View(entry);
        }
    }

    /// <summary>Whether the service is running (paused is not running: it takes no new work).</summary>
    public bool IsRunning(string name) => Find(name)?.Status == ServiceStatus.Running;

    /// <summary>What the server does at boot: start every Automatic service, dependencies first.</summary>
    public IReadOnlyList<ServiceChange> StartAutomatic()
    {
        List<ServiceChange> changes = [];
        lock (_lock)
        {
            foreach (var entry in _ordered.Where(e => e.StartupType == ServiceStartupType.Automatic))
            {
                try
                {
                    StartLocked(entry, changes);
                }
                catch (ServiceControlException)
                {
                    // At boot Windows logs a service that fails to start (event 7001 for a dependency) and goes on.
                }
            }
        }

        Raise(changes);
        return changes;
    }

    /// <summary>Starts the service and, first, every service it depends on that is not running.</summary>
    public IReadOnlyList<ServiceChange> Start(string name)
    {
        List<ServiceChange> changes = [];
        lock (_lock)
        {
            var entry = Require(name);
            if (entry.Status != ServiceStatus.Stopped)
            {
                throw new ServiceControlException(ServiceControlException.AlreadyRunning, "An instance of the service is already running.");
            }

            StartLocked(entry, changes);
        }

        Raise(changes);
        return changes;
    }

    /// <summary>The running services that stop when this one stops: its dependents, and theirs.</summary>
    public IReadOnlyList<ServiceView> DependentsThatWouldStop(string name)
    {
        lock (_lock)
        {
            return RunningDependents(Require(name)).Select(View).ToList();
        }
    }

    /// <summary>
    /// Stops the service. With running dependents it is refused (1051) unless
    /// <paramref name="stopDependents"/>, in which case they stop first, the deepest first.
    /// </summary>
    public IReadOnlyList<ServiceChange> Stop(string name, bool stopDependents)
    {
        List<ServiceChange> changes = [];
        lock (_lock)
        {
            var entry = Require(name);
            if (entry.Status == ServiceStatus.Stopped)
            {
                throw new ServiceControlException(ServiceControlException.NotActive, "The service has not been started.");
            }

            var dependents = RunningDependents(entry);
            if (dependents.Count > 0 && !stopDependents)
            {
                throw new ServiceControlException(
                    ServiceControlException.DependentServicesRunning,
                    "A stop control has been sent to a service that other running services are dependent on. ("
                    + string.Join(", ", dependents.Select(d => d.Definition.DisplayName)) + ")");
            }

            foreach (var dependent in dependents)
            {
                Set(dependent, ServiceStatus.Stopped, changes);
            }

            Set(entry, ServiceStatus.Stopped, changes);
        }

        Raise(changes);
        return changes;
    }

    /// <summary>Pauses a running service that accepts pause (1052 otherwise).</summary>
    public IReadOnlyList<ServiceChange> Pause(string name) => Control(name, ServiceStatus.Running, ServiceStatus.Paused);

    /// <summary>Resumes a paused service.</summary>
    public IReadOnlyList<ServiceChange> Continue(string name) => Control(name, ServiceStatus.Paused, ServiceStatus.Running);

    /// <summary>Changes the startup type; the status stays as it is.</summary>
    public void SetStartupType(string name, ServiceStartupType type)
    {
        lock (_lock)
        {
            Require(name).StartupType = type;
        }
    }

    private IReadOnlyList<ServiceChange> Control(string name, ServiceStatus from, ServiceStatus to)
    {
        List<ServiceChange> changes = [];
        lock (_lock)
        {
            var entry = Require(name);
            if (!entry.Definition.CanPause || entry.Status != from)
            {
                throw new ServiceControlException(ServiceControlException.InvalidServiceControl, "The requested control is not valid for this service.");
            }

            Set(entry, to, changes);
        }

        Raise(changes);
        return changes;
    }

    private void StartLocked(Entry entry, List<ServiceChange> changes)
    {
        if (entry.Status != ServiceStatus.Stopped)
        {
            return;
        }

        if (entry.StartupType == ServiceStartupType.Disabled)
        {
            throw new ServiceControlException(
                ServiceControlException.Disabled,
                "The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.");
        }

        foreach (var dependency in entry.Dependencies)
        {
            try
            {
                StartLocked(dependency, changes);
            }
            catch (ServiceControlException)
            {
                throw new ServiceControlException(ServiceControlException.DependencyFailed, "The dependency service or group failed to start.");
            }
        }

        Set(entry, ServiceStatus.Running, changes);
    }

    /// <summary>The running services that depend on <paramref name="entry"/>, directly or not, deepest first.</summary>
    private static List<Entry> RunningDependents(Entry entry)
    {
        List<Entry> order = [];
        HashSet<Entry> seen = [];
        Visit(entry);
        order.Remove(entry);
        return order.Where(e => e.Status != ServiceStatus.Stopped).ToList();

        void Visit(Entry e)
        {
            if (!seen.Add(e))
            {
                return;
            }

            foreach (var dependent in e.Dependents)
            {
                Visit(dependent);
            }

            order.Add(e);
        }
    }

    private static void Set(Entry entry, ServiceStatus status, List<ServiceChange> changes)
    {
        if (entry.Status == status)
        {
            return;
        }

        changes.Add(new ServiceChange(entry.Definition.Name, entry.Definition.DisplayName, entry.Status, status));
        entry.Status = status;
    }

    private void Raise(List<ServiceChange> changes)
    {
        foreach (var change in changes)
        {
            Changed?.Invoke(change);
        }
    }

    private Entry Require(string name) =>
        Resolve(name) ?? throw new ArgumentException($"there is no service {name}", nameof(name));

    private Entry? Resolve(string name) =>
        _byName.GetValueOrDefault(name)
        ?? _ordered.FirstOrDefault(e => e.Definition.DisplayName.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static ServiceView View(Entry entry) =>
        new(entry.Definition.Name, entry.Definition.DisplayName, entry.StartupType, entry.Status, entry.Definition.DependsOn,
            entry.Dependents.Select(d => d.Definition.Name).ToList(), entry.Definition.CanPause);

    private static void CheckNoCycle(Entry entry, HashSet<Entry> path)
    {
        if (!path.Add(entry))
        {
            throw new ArgumentException($"the dependencies of {entry.Definition.Name} form a cycle");
        }

        foreach (var dependency in entry.Dependencies)
        {
            CheckNoCycle(dependency, path);
        }

        path.Remove(entry);
    }

    private sealed class Entry(ServiceDefinition definition)
    {
        public ServiceDefinition Definition { get; } = definition;

        public ServiceStartupType StartupType { get; set; } = definition.DefaultStartupType;

        public ServiceStatus Status { get; set; } = ServiceStatus.Stopped;

        public List<Entry> Dependencies { get; } = [];

        public List<Entry> Dependents { get; } = [];
    }
}
