using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Stillpoint.Data.Access;
using Stillpoint.Data.Entities;

namespace Stillpoint.Data;

/// <summary>
/// The unit of work. Scopes every clinical query to the caller (see <see cref="ICallerContext"/>)
/// and appends a hash-chained audit entry for every clinical write in the same transaction.
/// </summary>
public sealed partial class StillpointDbContext : IdentityDbContext<StillpointUser, IdentityRole<Guid>, Guid>
{
    private readonly ICallerContext _caller;
    private readonly TimeProvider _time;

    public StillpointDbContext(DbContextOptions<StillpointDbContext> options, ICallerContext caller, TimeProvider time)
        : base(options)
    {
        _caller = caller;
        _time = time;
    }

    public DbSet<Clinic> Clinics => Set<Clinic>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public ICallerContext Caller => _caller;

    public TimeProvider Time => _time;

    // Read by the query filters; EF evaluates these per query, so one model serves every caller.
    private bool BypassScope => _caller.IsSystem;

    private Guid CurrentClinicId => _caller.ClinicId ?? Guid.Empty;

    private Guid? CurrentPatientId => _caller.PatientId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.IsSqlite())
        {
            // SQLite has no native timestamp type: store UTC ticks so values sort and compare in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StillpointDbContext).Assembly);
        builder.Entity<Patient>().HasQueryFilter(p =>
            BypassScope || (p.ClinicId == CurrentClinicId && (CurrentPatientId == null || p.Id == CurrentPatientId)));
        builder.Entity<AuditEntry>().HasQueryFilter(a => BypassScope || (a.ClinicId == CurrentClinicId && CurrentPatientId == null));
        ApplyCallerScopes(builder);
    }

    /// <summary>
    /// The one place clinic isolation is declared: every clinical entity type gets a filter by the caller's
    /// clinic, and patient-owned ones also by the caller's patient when the caller is a patient.
    /// </summary>
    private void ApplyCallerScopes(ModelBuilder builder)
    {
        var clinicTypes = builder.Model.GetEntityTypes()
            .Select(t => t.ClrType)
            .Where(t => typeof(IClinicScoped).IsAssignableFrom(t) && t != typeof(Patient))
            .ToList();
        foreach (var type in clinicTypes)
        {
            var method = typeof(IPatientOwned).IsAssignableFrom(type) ? nameof(ScopeToPatient) : nameof(ScopeToClinic);
            typeof(StillpointDbContext)
                .GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type)
                .Invoke(this, [builder]);
        }
    }

    private void ScopeToPatient<T>(ModelBuilder builder)
        where T : class, IPatientOwned =>
        builder.Entity<T>().HasQueryFilter(e =>
            BypassScope || (e.ClinicId == CurrentClinicId && (CurrentPatientId == null || e.PatientId == CurrentPatientId)));

    private void ScopeToClinic<T>(ModelBuilder builder)
        where T : class, IClinicScoped =>
        builder.Entity<T>().HasQueryFilter(e => BypassScope || e.ClinicId == CurrentClinicId);
}
