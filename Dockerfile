# Socket Playground for a school server: one container per class, started in LAN mode.
# Build:  docker build -t socket-playground .
# Run:    docker run -d --name class-3b -p 4781:4780 socket-playground --public-url http://school.example:4781/
# Then `docker logs class-3b` prints the join code and the teacher's link. See docs/deploy.md.

ARG NODE_IMAGE=node:22-bookworm-slim

# 1. Build the published package from the sources, exactly as CI packs it: the page, the command
#    compiled with esbuild, `npm pack`.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
RUN npm install -g pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm build \
 && mkdir /out \
 && cd apps/cli \
 && npm pack --pack-destination /out

# 2. Run it: only Node and the package (it has no dependencies), as the unprivileged `node` user.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
COPY --from=build /out/ /tmp/package/
RUN npm install -g /tmp/package/socket-playground-*.tgz \
 && rm -rf /tmp/package /root/.npm
USER node
WORKDIR /home/node
# The page, the API and the WebSocket bridge. Students' own servers listen on other ports inside
# the container; publish those you want reachable from outside (docs/deploy.md).
EXPOSE 4780
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4780/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `docker stop` sends SIGTERM: the playground tells every page and closes every socket, then exits.
ENTRYPOINT ["socket-playground", "--lan", "--host", "0.0.0.0", "--port", "4780"]
CMD []
