import { describe, expect, it } from "vitest";
import { viewColumnOrigins } from "./view-columns";

// `create view v as select x as y, id, 1 as one from a` as PostgreSQL 15 stores it (shortened).
const definition = `({QUERY :commandType 1 :rtable ({RANGETBLENTRY :eref {ALIAS :aliasname a :colnames ("id" "x\\)")} :relid 118606}) :targetList ({TARGETENTRY :expr {VAR :varno 3 :varattno 2} :resno 1 :resname y :ressortgroupref 0 :resorigtbl 118606 :resorigcol 2 :resjunk false} {TARGETENTRY :expr {VAR :varno 3 :varattno 1 :location 86} :resno 2 :resname id :resorigtbl 118606 :resorigcol 1 :resjunk false} {TARGETENTRY :expr {CONST :consttype 23 :constvalue 4 [ 1 0 0 0 0 0 0 0 ]} :resno 3 :resname one :resorigtbl 0 :resorigcol 0 :resjunk false}) :override 0 :onConflict <>})`;

describe("viewColumnOrigins", () => {
  it("maps each plain column of the top-level select to its base table column", () => {
    expect(viewColumnOrigins(definition)).toEqual([
      { resno: 1, table: 118606, column: 2 },
      { resno: 2, table: 118606, column: 1 },
    ]);
  });

  it("answers nothing for text that is not a query tree", () => {
    expect(viewColumnOrigins("")).toEqual([]);
    expect(viewColumnOrigins("((((")).toEqual([]);
    expect(viewColumnOrigins("{QUERY :targetList (")).toEqual([]);
  });
});
