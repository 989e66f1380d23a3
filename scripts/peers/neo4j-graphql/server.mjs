// The peer of scripts/bench-neo4j-graphql.sh: the Neo4j GraphQL Library (@neo4j/graphql) on Apollo Server's
// standalone HTTP server, serving one query field, reachable(buildingId, minutes, first), as an @cypher statement
// that does what our building path does (ReachabilityService.reachable: the precomputed WALKS_TO edges of the
// building in the ACTIVE generation, within minutes x 5000/60 m, ordered by metres then place id, the first N).
//
// Environment: NEO4J_URI (bolt://127.0.0.1:7687), NEO4J_USERNAME (neo4j), NEO4J_PASSWORD (required),
// PORT (4000), NODE_WORKERS (1: one Node process, the usual deployment; N > 1 forks N processes with node:cluster
// sharing the port). Prints "ready <port>" once it listens.
import cluster from "node:cluster";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

// Adult pace, as cn.nantong.livingcircle.engine.Pace.ADULT: 5.0 km/h = 5.0 * 1000.0 / 60.0 metres a minute.
// The limit is Millimetres.limit(minutes * metresPerMinute): the largest whole millimetre not beyond it (1e-6 of a
// millimetre absorbs binary noise), back in metres. walkMeters is Math.round(metres) = floor(x + 0.5); walkMinutes
// is CoverageMath.round2(metres / metresPerMinute) = floor(x * 100 + 0.5) / 100, the same floating-point steps.
export const typeDefs = /* GraphQL */ `
  type Category {
    code: String!
  }

  type GeoPoint {
    lat: Float!
    lon: Float!
  }

  type ReachedPlace {
    id: ID!
    name: String!
    category: Category!
    location: GeoPoint!
  }

  type Reach {
    walkMeters: Int!
    walkMinutes: Float!
    place: ReachedPlace!
  }

  type Query {
    reachable(buildingId: ID!, minutes: Int!, first: Int!): [Reach!]!
      @cypher(
        statement: """
        MATCH (g:Generation {state: 'ACTIVE'})
        WITH g.number AS generation,
             floor($minutes * (5.0 * 1000.0 / 60.0) * 1000.0 + 0.000001) / 1000.0 AS maxMeters
        MATCH (b:Building {id: $buildingId, generation: generation})-[w:WALKS_TO]->(p:Place)
        WHERE w.meters <= maxMeters
        WITH w.meters AS meters, p
        ORDER BY meters, p.id
        LIMIT $first
        RETURN {
          walkMeters: toInteger(floor(meters + 0.5)),
          walkMinutes: floor(meters / (5.0 * 1000.0 / 60.0) * 100.0 + 0.5) / 100.0,
          place: {
            id: p.id,
            name: p.name,
            category: {code: p.category},
            location: {lat: p.location.latitude, lon: p.location.longitude}
          }
        } AS reach
        """
        columnName: "reach"
      )
  }
`;

const workers = Number.parseInt(process.env.NODE_WORKERS ?? "1", 10);
const port = Number.parseInt(process.env.PORT ?? "4000", 10);

if (workers > 1 && cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    const worker = cluster.fork();
    worker.on("message", (m) => {
      if (m === "ready" && ++ready === workers) console.log(`ready ${port} (${workers} workers)`);
    });
  }
  cluster.on("exit", (worker, code) => {
    console.error(`worker ${worker.process.pid} exited with ${code}`);
    process.exit(1);
  });
} else {
  const password = process.env.NEO4J_PASSWORD;
  if (!password) {
    console.error("NEO4J_PASSWORD is not set");
    process.exit(2);
  }
  const driver = neo4j.driver(
    process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? "neo4j", password),
  );
  await driver.verifyConnectivity();
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
  const server = new ApolloServer({ schema: await neoSchema.getSchema(), introspection: false });
  const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port } });
  if (cluster.isWorker) {
    process.send("ready");
  } else {
    console.log(`ready ${port} ${url}`);
  }
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
