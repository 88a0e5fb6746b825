# The image docker-compose.yml builds: Node 20, the locked dependencies, the sources (run by tsx).
FROM node:20-bookworm-slim
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ fonts-dejavu-core procps wget && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev
COPY . .
ENV NODE_ENV=production
EXPOSE 8080
CMD ["node", "bin/advisor.js", "serve"]
