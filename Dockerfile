# syntax=docker/dockerfile:1
# One image recipe for every NestJS app in the monorepo; pick the app with
#   docker build --build-arg APP=matching .
# (docker-compose.yml does this for each service).
#
# A .dockerignore excluding node_modules, dist, .local and .git keeps the
# build context small (.local/ holds the local Kafka jars and data).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: full dev dependencies, compile every app ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Lockfile first so the npm ci layer is cached until dependencies change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
# Only what the build reads: host node_modules, dist and .local (Kafka jars
# and data) never end up in the image even without a .dockerignore.
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build
# Only production dependencies go into the runtime image.
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime: small image running one app as a non-root user ----
FROM ${NODE_IMAGE} AS runtime
ARG APP
# Fail the build early (not at container start) if APP is missing.
RUN test -n "$APP" || (echo "build arg APP is required (e.g. --build-arg APP=matching)" >&2; exit 1)
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN test -f "dist/apps/${APP}/src/main.js" || (echo "dist/apps/${APP}/src/main.js not found after build" >&2; exit 1)
USER node
# sh -c so $APP is expanded; exec so node is PID 1 and gets SIGTERM directly.
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
