package dev.rapport.segmentation.adapter.out.persistence;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One {@link Jdbc} over the default datasource. */
public class JdbcProducer {

    @Produces
    @Singleton
    Jdbc jdbc(DataSource dataSource) {
        return new Jdbc(dataSource);
    }
}
