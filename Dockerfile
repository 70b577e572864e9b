# lessons-bot: one process serving Slack, Teams, health and metrics, and the scheduler.
# Build: docker build -t lessons-bot .    Run: docker run --env-file .env -p 3978:3978 -v lessons-data:/data lessons-bot

# The base image is pinned to the exact Node the project is tested on: the version of the
# "node" devDependency (test/package/docker-scratch.test.ts checks they agree). To pin its
# digest as well, where a registry is reachable:
#   docker buildx imagetools inspect node:24.21.0-bookworm-slim --format '{{json .Manifest.Digest}}'
# and write both FROM lines as node:24.21.0-bookworm-slim@sha256:<digest>.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# Dependencies only, so that the layer is reused until package-lock.json changes.
# Dev dependencies (the pinned Node for machines without Node 24, the test tools) are left out:
# the image already runs Node 24.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    LESSONS_DIR=/app/lessons \
    DATABASE_URL=sqlite:/data/lessons-bot.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
COPY lessons ./lessons
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "src/main.ts", "serve"]
