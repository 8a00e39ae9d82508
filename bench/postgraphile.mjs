/**
 * The peer: PostGraphile v5 (Amber preset) serving the population, land and business schemas of one database,
 * with the relations the sources do not declare (they hold no cross-schema foreign keys) given as smart tags.
 * `DATABASE_URL`, `PORT` (0: any); prints `{"port": n}` when listening. Run with
 * `node --require ./bench/promise-with-resolvers.cjs bench/postgraphile.mjs` on Node 20.
 */
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { jsonPgSmartTags } from "postgraphile/utils";

const fk = (columns, target) => `(${columns}) references ${target}`;

const RelationsPlugin = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      "population.citizens": { tags: { foreignKey: [fk("household_id", "population.households (id)")] } },
      "population.household_members": {
        tags: { foreignKey: [fk("household_id", "population.households (id)"), fk("personal_id", "population.citizens (personal_id)")] },
      },
      "land.certificates": { tags: { foreignKey: [fk("parcel_id", "land.parcels (id)")] } },
      "land.encumbrances": { tags: { foreignKey: [fk("parcel_id", "land.parcels (id)")] } },
      "land.holders": {
        tags: {
          foreignKey: [fk("certificate_serial", "land.certificates (serial)"), fk("personal_id", "population.citizens (personal_id)")],
        },
      },
      "business.enterprise_people": {
        tags: {
          foreignKey: [fk("enterprise_code", "business.enterprises (code)"), fk("personal_id", "population.citizens (personal_id)")],
        },
      },
    },
  },
});

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [RelationsPlugin],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["population", "land", "business"],
      poolConfig: { max: Number(process.env.DATABASE_POOL_SIZE || 10) },
    }),
  ],
  grafserv: { graphqlPath: "/graphql", graphiql: false },
  grafast: { explain: false },
};

// Statements per request: every query PostGraphile's pg clients send (GET /__statements reads the count).
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements++;
  return query.apply(this, args);
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
await pgl.getSchema();
const handler = serv.createHandler();
const server = createServer((req, res) => {
  if (req.url === "/__statements") {
    res.end(String(statements));
    return;
  }
  handler(req, res);
});
server.listen(Number(process.env.PORT || 0), "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
process.on("SIGTERM", () => server.close(() => pgl.release().then(() => process.exit(0))));
