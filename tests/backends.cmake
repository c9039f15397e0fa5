# The server's two storage backends in the tests: its embedded SQLite file, and PostgreSQL
# in a throwaway cluster that this ctest run starts (fixture pg_cluster) and stops again.
#
# A test that touches the server's storage is registered twice: NAME (label sqlite) and
# NAME_pg (label postgres). Both run the same program; QS_TEST_BACKEND tells the test
# support (tests/support/testbackend.h) which backend to hand each qingshui-server, and
# QS_TEST_PG_URL where the cluster is. `ctest -L postgres` runs the conformance suite on
# PostgreSQL only. A _pg test whose cluster does not start fails; it never skips.

# The cluster listens only on a unix socket in this folder: no TCP port, so parallel runs
# (other build folders, other engineers) never collide. A socket path is at most 107 bytes.
set(QS_PG_CLUSTER_DIR ${CMAKE_CURRENT_BINARY_DIR}/pg-cluster)
string(LENGTH "${QS_PG_CLUSTER_DIR}/.s.PGSQL.5432" _qs_pg_socket_length)
if(_qs_pg_socket_length GREATER 107)
    string(MD5 _qs_pg_hash "${CMAKE_CURRENT_BINARY_DIR}")
    string(SUBSTRING "${_qs_pg_hash}" 0 12 _qs_pg_hash)
    set(QS_PG_CLUSTER_DIR /tmp/qs-pg-${_qs_pg_hash})
endif()
set(QS_PG_URL "postgresql://postgres@/postgres?host=${QS_PG_CLUSTER_DIR}")

set(_qs_pg_script ${PROJECT_SOURCE_DIR}/scripts/pg-cluster.sh)
add_test(NAME pg_cluster_start COMMAND bash ${_qs_pg_script} start ${QS_PG_CLUSTER_DIR})
add_test(NAME pg_cluster_stop COMMAND bash ${_qs_pg_script} stop ${QS_PG_CLUSTER_DIR})
set_tests_properties(pg_cluster_start PROPERTIES FIXTURES_SETUP pg_cluster LABELS postgres
                                                 TIMEOUT 120)
set_tests_properties(pg_cluster_stop PROPERTIES FIXTURES_CLEANUP pg_cluster LABELS postgres
                                                TIMEOUT 60)

# qs_on_both_backends(NAME [COMMAND args...]): NAME, already registered, gets label sqlite;
# NAME_pg runs the same COMMAND (default: the executable NAME) with the same environment and
# timeout on PostgreSQL.
function(qs_on_both_backends name)
    cmake_parse_arguments(ARG "" "" "COMMAND" ${ARGN})
    if(NOT ARG_COMMAND)
        set(ARG_COMMAND $<TARGET_FILE:${name}>)
    endif()
    get_test_property(${name} ENVIRONMENT environment)
    get_test_property(${name} TIMEOUT timeout)
    get_test_property(${name} LABELS labels)
    if(NOT environment)
        set(environment "")
    endif()
    if(NOT labels)
        set(labels "")
    endif()
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "${environment};QS_TEST_BACKEND=sqlite"
        LABELS "${labels};sqlite")
    add_test(NAME ${name}_pg COMMAND ${ARG_COMMAND})
    set_tests_properties(${name}_pg PROPERTIES
        ENVIRONMENT "${environment};QS_TEST_BACKEND=postgres;QS_TEST_PG_URL=${QS_PG_URL}"
        LABELS "${labels};postgres"
        FIXTURES_REQUIRED pg_cluster)
    if(timeout)
        set_tests_properties(${name}_pg PROPERTIES TIMEOUT ${timeout})
    endif()
endfunction()
