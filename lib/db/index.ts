export { createDb, type Database, type Transaction, type Executor, type DbHandle } from "./client";
