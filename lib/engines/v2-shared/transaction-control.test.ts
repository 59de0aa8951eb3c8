import { describe, expect, it } from "vitest";
import { findTransactionControl } from "./transaction-control";

describe("findTransactionControl", () => {
  it.each([
    ["create table a (id int); commit; create table b (id int);", "COMMIT", 26],
    ["create table a (id int);\nROLLBACK;", "ROLLBACK", 26],
    ["begin; create table a (id int);", "BEGIN", 1],
    ["start transaction;", "START TRANSACTION", 1],
    ["select 1; end", "END", 11],
    ["abort", "ABORT", 1],
    ["prepare transaction 'x'", "PREPARE TRANSACTION", 1],
    ["-- a comment\n  /* block /* nested */ */ commit", "COMMIT", 41],
  ])("finds the transaction control in %j", (sql, statement, position) => {
    expect(findTransactionControl(sql)).toEqual({ statement, position });
  });

  it.each([
    "create table a (id int); insert into a values (1);",
    "savepoint s; insert into a values (1); rollback to savepoint s; release s;",
    "rollback transaction to s",
    "insert into notes values ('commit; begin'); insert into notes values (E'it\\'s; commit');",
    'create table "commit" (id int); select "end" from x;',
    "create function f() returns void language plpgsql as $$ begin perform 1; end $$;",
    "create function g() returns int language plpgsql as $body$ begin return 1; end; $body$; select g();",
    "create function h(x int) returns int language sql begin atomic select case when x > 0 then 1 else 0 end; end; select h(1);",
    "-- commit;\n/* rollback; */ select 1;",
    "prepare q as select 1; execute q;",
    "select 1 as begin_at",
  ])("allows %j", (sql) => {
    expect(findTransactionControl(sql)).toBeNull();
  });
});
