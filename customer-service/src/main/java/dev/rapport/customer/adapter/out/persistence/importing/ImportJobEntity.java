package dev.rapport.customer.adapter.out.persistence.importing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Row of table {@code import_job}. */
@Entity
@Table(name = "import_job")
public class ImportJobEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String format;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> mapping;

    @Column(nullable = false)
    public String state;

    @Column(name = "total_bytes", nullable = false)
    public long totalBytes;

    @Column(name = "checkpoint_offset", nullable = false)
    public long checkpointOffset;

    @Column(name = "checkpoint_line", nullable = false)
    public long checkpointLine;

    @Column(name = "rows_read", nullable = false)
    public long rowsRead;

    @Column(name = "customers_created", nullable = false)
    public long customersCreated;

    @Column(name = "customers_updated", nullable = false)
    public long customersUpdated;

    @Column(name = "purchases_created", nullable = false)
    public long purchasesCreated;

    @Column(name = "purchases_unchanged", nullable = false)
    public long purchasesUnchanged;

    @Column(name = "returns_recorded", nullable = false)
    public long returnsRecorded;

    @Column(name = "returns_unchanged", nullable = false)
    public long returnsUnchanged;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "skip_counts", columnDefinition = "jsonb", nullable = false)
    public Map<String, Long> skipCounts;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
