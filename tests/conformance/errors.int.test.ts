import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteIdent } from "@/lib/engines/sql";
import { startConformance, type Conformance } from "./harness";

// Expectations follow PostgREST 12/13 docs/references/errors.rst: the status table and "Custom Errors".
let world: Conformance;

beforeAll(async () => {
  world = await startConformance(
    ({ role }) => `
      create table parents (id int primary key);
      create table children (id int primary key, parent_id int not null references parents (id));
      insert into parents values (1);
      grant select, insert on parents, children to ${quoteIdent(role)};
      create table vault (secret text);
      revoke all on vault from ${quoteIdent(role)};
      create function just_fail() returns void language plpgsql as $$
        begin raise exception 'I refuse!' using detail = 'Pretty simple', hint = 'There is nothing you can do.'; end $$;
      create function pay() returns void language plpgsql as $$
        begin raise sqlstate 'PT402' using message = 'Payment Required', detail = 'Quota exceeded', hint = 'Upgrade your plan'; end $$;
      create function teapot() returns void language plpgsql as $$
        begin raise sqlstate 'PGRST' using
          message = '{"code":"123","message":"Short and stout","details":"Tip me over","hint":"Pour me out"}',
          detail = '{"status":418,"headers":{"X-Powered-By":"Nerd"}}'; end $$;
      create function broken_pgrst() returns void language plpgsql as $$
        begin raise sqlstate 'PGRST' using message = 'not json', detail = '{"status":418}'; end $$;
      create function raise_code(code text) returns void language plpgsql as $$
        begin raise exception using errcode = code, message = 'raised ' || code; end $$;
      create function add_parent(id int) returns void language sql as $$ insert into parents values (id) $$;
      create function add_child(id int, parent_id int) returns void language sql as $$ insert into children values (id, parent_id) $$;
      create function read_vault() returns setof text language sql as $$ select secret from vault $$;
      create function divide(a int, b int) returns int language sql as $$ select a / b $$;
    `,
  );
});
afterAll(() => world?.close());

const post = (fn: string, body: unknown = {}, role?: string) =>
  world.request(`/rpc/${fn}`, { method: "POST", body: JSON.stringify(body), role });

describe("errors raised by functions", () => {
  it("RAISE EXCEPTION is 400 P0001 with message, detail and hint", async () => {
    const answer = await post("just_fail");
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.json()).toEqual({
      code: "P0001",
      message: "I refuse!",
      details: "Pretty simple",
      hint: "There is nothing you can do.",
    });
  });

  it("RAISE SQLSTATE 'PT402' answers HTTP 402", async () => {
    const answer = await post("pay");
    expect(answer.status).toBe(402);
    expect(answer.json()).toEqual({
      code: "PT402",
      message: "Payment Required",
      details: "Quota exceeded",
      hint: "Upgrade your plan",
    });
  });

  it("RAISE SQLSTATE 'PGRST' sets the body, status and headers from its JSON", async () => {
    const answer = await post("teapot");
    expect(answer.status).toBe(418);
    expect(answer.headers["x-powered-by"]).toBe("Nerd");
    expect(answer.json()).toEqual({
      code: "123",
      message: "Short and stout",
      details: "Tip me over",
      hint: "Pour me out",
    });
  });

  it("RAISE SQLSTATE 'PGRST' with a message that is not JSON is 500 PGRST121", async () => {
    const answer = await post("broken_pgrst");
    expect(answer.status).toBe(500);
    expect(answer.json()).toMatchObject({
      code: "PGRST121",
      message: "Could not parse JSON in the RAISE SQLSTATE 'PGRST' error",
    });
  });

  it("a unique violation is 409 23505", async () => {
    const answer = await post("add_parent", { id: 1 });
    expect(answer.status).toBe(409);
    expect(answer.json()).toMatchObject({ code: "23505", details: "Key (id)=(1) already exists." });
  });

  it("a foreign key violation is 409 23503", async () => {
    const answer = await post("add_child", { id: 1, parent_id: 42 });
    expect(answer.status).toBe(409);
    expect(answer.json().code).toBe("23503");
  });

  it("a not-null violation is 400 23502", async () => {
    const answer = await post("add_child", { id: 2, parent_id: null });
    expect(answer.status).toBe(400);
    expect(answer.json().code).toBe("23502");
  });

  it("division by zero is 400 22012", async () => {
    const answer = await world.request("/rpc/divide?a=1&b=0");
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: "22012", message: "division by zero" });
  });

  it("a missing privilege is 403 42501 for a signed-in user", async () => {
    const answer = await post("read_vault");
    expect(answer.status).toBe(403);
    expect(answer.json().code).toBe("42501");
  });

  it("a missing privilege is 401 42501 with WWW-Authenticate for the anonymous role", async () => {
    const answer = await post("read_vault", {}, "anon");
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toBe("Bearer");
    expect(answer.json().code).toBe("42501");
  });
});

describe("the SQLSTATE → HTTP status table", () => {
  it.each([
    ["08006", 503],
    ["09000", 500],
    ["0L000", 403],
    ["0P000", 403],
    ["25001", 500],
    ["28000", 403],
    ["2D000", 500],
    ["38000", 500],
    ["39000", 500],
    ["3B000", 500],
    ["40001", 500],
    ["53400", 500],
    ["53100", 503],
    ["54000", 500],
    ["55000", 500],
    ["57014", 500],
    ["F0000", 500],
    ["HV000", 500],
    ["P0002", 500],
    ["42883", 404],
    ["42P01", 404],
    ["42P17", 500],
    ["22023", 400],
    ["PT40A", 500],
  ])("a function raising %s answers %i with the code and message", async (code, status) => {
    const answer = await post("raise_code", { code });
    expect(answer.status).toBe(status);
    expect(answer.json()).toMatchObject({ code, message: `raised ${code}` });
  });

  it("internal errors (XX) answer 500 without PostgreSQL's message", async () => {
    const answer = await post("raise_code", { code: "XX000" });
    expect(answer.status).toBe(500);
    expect(answer.json().code).toBe("PGRST500");
    expect(answer.text).not.toContain("raised XX000");
  });
});
