# The image docker-compose.yml builds: Node 20, the locked dependencies, the sources compiled to dist/.
FROM node:20-bookworm-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ fonts-dejavu-core procps wget && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
# `prepare` runs during npm ci; without the sources yet it only says so.
COPY scripts ./scripts
RUN npm ci --omit=dev
COPY . .
# Compile src/ to dist/ and make the embedded database template (PGlite's initdb, once).
RUN npm run prepare
ENV NODE_ENV=production
# A server's young generation capped at 2 MB semi-spaces: ~25 MB less RSS, no loss of throughput
# (docs/decisions/016-compiled-build-and-footprint.md).
ENV NODE_OPTIONS=--max-semi-space-size=2
EXPOSE 8080
CMD ["node", "bin/advisor.js", "serve"]
