package dev.rapport.loyalty.adapter.out.persistence.program;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.loyalty.adapter.out.persistence.Jdbc;
import dev.rapport.loyalty.adapter.out.persistence.StoredJson;
import dev.rapport.loyalty.application.port.out.program.ProgramRepository;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.ProgramVersion;

@ApplicationScoped
public class JdbcProgramRepository implements ProgramRepository {

    private final Jdbc jdbc;

    public JdbcProgramRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ProgramVersion> versions() {
        return jdbc.list("select version, effective_from, rules, created_at from program_version order by version",
                rs -> new ProgramVersion(rs.getInt("version"), Jdbc.instant(rs, "effective_from"),
                        StoredJson.read(rs.getString("rules"), ProgramRules.class), Jdbc.instant(rs, "created_at")));
    }

    @Override
    public ProgramVersion add(Instant effectiveFrom, ProgramRules rules, Instant now) {
        int version = jdbc.one("insert into program_version (effective_from, rules, created_at) values (?, ?, ?) "
                + "returning version", rs -> rs.getInt(1), effectiveFrom, StoredJson.write(rules), now).orElseThrow();
        return new ProgramVersion(version, effectiveFrom, rules, now);
    }
}
