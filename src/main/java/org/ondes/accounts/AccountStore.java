package org.ondes.accounts;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AccountStore extends CrudRepository<AccountRecord, Long> {
    Optional<AccountRecord> findByUsername(String username);

    boolean existsByUsername(String username);
}
