package se.flerpart;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.core.env.Environment;

/**
 * A pool of one connection to the application's database that gives up after two seconds: a read
 * through it fails when the code under test asks for a second connection while it still holds the
 * first (a query from inside another query's row mapper, outside a transaction). Under load such
 * reads held every connection of the application's pool while waiting for more.
 */
public final class EnAnslutning {

  private EnAnslutning() {}

  public static HikariDataSource mot(Environment miljo) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(miljo.getRequiredProperty("spring.datasource.url"));
    pool.setUsername(miljo.getProperty("spring.datasource.username"));
    pool.setPassword(miljo.getProperty("spring.datasource.password"));
    pool.setMaximumPoolSize(1);
    pool.setConnectionTimeout(2_000);
    return pool;
  }
}
