/*
 * The SQLite writer's floor for the ingest benchmark: how many of the benchmark's events one
 * connection can insert per second with nothing else running (no HTTP, no parsing, no
 * profiles), with the server's table, indexes, statement and settings: WAL, synchronous=FULL,
 * one transaction per group of rows, rows bound through the C API.
 *
 *   bash bench/ingest/sqlite_floor.sh [ROWS] [ROWS_PER_COMMIT] [receipt|day]
 *
 * `receipt`: timestamps rise with the rows (50,000 events a second), as a live service's do;
 * `day`: each event at a random time of one day, as a backfill (the harness's two modes).
 * Prints one line of JSON: rows, rows per commit, mode, seconds, rows/s, µs per row.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void check(int code, sqlite3 *db, const char *what) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

/* The server's schema for inference events (Sources/DriftWatchSQLite/Migrations.swift). */
static const char *schema =
    "CREATE TABLE inference_events (id INTEGER PRIMARY KEY, model_id TEXT NOT NULL, model_version TEXT,"
    " request_id TEXT NOT NULL, ts INTEGER NOT NULL, y_pred_num REAL, y_pred_text TEXT,"
    " y_proba TEXT NOT NULL DEFAULT '{}', latency_ms REAL, features TEXT NOT NULL DEFAULT '{}',"
    " segments TEXT NOT NULL DEFAULT '{}', error TEXT, received_at INTEGER NOT NULL,"
    " schema_violations TEXT, UNIQUE (model_id, request_id)) STRICT;"
    "CREATE INDEX inference_events_model_ts ON inference_events (model_id, ts);";

/* The server's statement (SQL.insertInference in Sources/DriftWatchSQLite/SQLiteEventStore.swift). */
static const char *insert =
    "INSERT INTO inference_events (model_id, model_version, request_id, ts, y_pred_num, y_pred_text,"
    " y_proba, latency_ms, features, segments, error, received_at, schema_violations)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model_id, request_id) DO NOTHING";

int main(int argc, char **argv) {
    long rows = argc > 2 ? atol(argv[2]) : 1000000;
    long perCommit = argc > 3 ? atol(argv[3]) : 1000;
    const char *mode = argc > 4 ? argv[4] : "receipt";
    int receipt = strcmp(mode, "receipt") == 0;
    if (argc < 2 || rows <= 0 || perCommit <= 0 || (!receipt && strcmp(mode, "day") != 0)) {
        fprintf(stderr, "usage: sqlite_floor DB_PATH [ROWS] [ROWS_PER_COMMIT] [receipt|day]\n");
        return 2;
    }
    sqlite3 *db;
    check(sqlite3_open(argv[1], &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", 0, 0, 0), db, "pragma");
    check(sqlite3_exec(db, schema, 0, 0, 0), db, "schema");
    sqlite3_stmt *statement;
    check(sqlite3_prepare_v3(db, insert, -1, SQLITE_PREPARE_PERSISTENT, &statement, 0), db, "prepare");

    /* Events as the load generator sends them: 20 numeric features with 4 decimals, 2 tags, a
     * random time of one day; features as the compact JSON text the server stores. Rendered
     * before the clock starts (a pool of variants, as the load generator has), so that only
     * SQLite is timed. */
    enum { pool = 1024 };
    static char features[pool][512];
    static int lengths[pool];
    static long long stamps[pool];
    srand(42);
    for (int v = 0; v < pool; v++) {
        int length = snprintf(features[v], sizeof features[v], "{");
        for (int f = 0; f < 20; f++) {
            length += snprintf(features[v] + length, sizeof features[v] - length, "%s\"f%d\":%.4f", f ? "," : "",
                               f, (rand() / (double)RAND_MAX) * 4 - 2);
        }
        lengths[v] = length + snprintf(features[v] + length, sizeof features[v] - length, "}");
        stamps[v] = 1795305600000LL + (long long)(rand() % 86400000);
    }
    const char *segments = "{\"region\":\"eu\",\"tier\":\"gold\"}";
    char requestID[64];
    double start = now();
    for (long i = 0; i < rows; i++) {
        if (i % perCommit == 0) check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db, "begin");
        int requestLength = snprintf(requestID, sizeof requestID, "t1-%ld", i);
        int v = (int)(i % pool);
        sqlite3_reset(statement);
        sqlite3_bind_text(statement, 1, "bench", 5, SQLITE_TRANSIENT);
        sqlite3_bind_text(statement, 2, "v1", 2, SQLITE_TRANSIENT);
        sqlite3_bind_text(statement, 3, requestID, requestLength, SQLITE_TRANSIENT);
        sqlite3_bind_int64(statement, 4, receipt ? 1795305600000LL + i / 50 : stamps[v]);
        sqlite3_bind_double(statement, 5, 0.7312);
        sqlite3_bind_null(statement, 6);
        sqlite3_bind_text(statement, 7, "{}", 2, SQLITE_TRANSIENT);
        sqlite3_bind_double(statement, 8, 12.5);
        sqlite3_bind_text(statement, 9, features[v], lengths[v], SQLITE_TRANSIENT);
        sqlite3_bind_text(statement, 10, segments, -1, SQLITE_TRANSIENT);
        sqlite3_bind_null(statement, 11);
        sqlite3_bind_int64(statement, 12, 1795305600000LL + i);
        sqlite3_bind_null(statement, 13);
        check(sqlite3_step(statement), db, "insert");
        if ((i + 1) % perCommit == 0 || i + 1 == rows) check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
    }
    double seconds = now() - start;
    printf("{\"rows\":%ld,\"rows_per_commit\":%ld,\"timestamps\":\"%s\",\"seconds\":%.3f,\"rows_per_s\":%.0f,"
           "\"us_per_row\":%.2f}\n",
           rows, perCommit, mode, seconds, rows / seconds, seconds / rows * 1e6);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return 0;
}
