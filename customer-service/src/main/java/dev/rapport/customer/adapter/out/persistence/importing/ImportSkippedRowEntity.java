package dev.rapport.customer.adapter.out.persistence.importing;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Row of table {@code import_skipped_row}: one of the first 1,000 skipped rows of a job. */
@Entity
@Table(name = "import_skipped_row")
@IdClass(ImportSkippedRowEntity.Key.class)
public class ImportSkippedRowEntity extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @Id
    public long line;

    @Column(nullable = false)
    public String reason;

    public String detail;

    public record Key(UUID jobId, long line) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
