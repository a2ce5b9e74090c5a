# certcheck: the Slack bot (npm start) and the certcheck CLI, for one or more replicas on Postgres.
#   docker build -t certcheck .
#   docker run --rm -p 3000:3000 --env-file .env certcheck
# Build stage: every dependency, compile TypeScript, then drop the development ones.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; the toolchain is the fallback when none fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# No scripts yet: `prepare` builds from src/, which is not copied until the next step.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

# Runtime stage: production dependencies and the compiled code only, as the unprivileged node user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
  PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The pastes the local sandbox page offers (npm start without Slack tokens).
COPY examples ./examples
# The SQLite default (file:./data/certcheck.db) needs a writable folder; replicas use Postgres.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# 3000: Slack's requests and the probes; 9464: METRICS_PORT when set.
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/livez').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself handles SIGTERM (drain); run with an init (docker run --init, compose init: true) to reap children.
# The same node flags as `npm start`: a 2 MB young generation keeps the event loop's garbage from
# piling up between scavenges under a burst of long pastes (the memory bound of the load test).
CMD ["node", "--max-semi-space-size=2", "dist/main.js"]
