# SmartExpense: a small, non-root runtime image.
#
#   docker build -t smartexpense .
#   docker run -p 5150:5150 -e DATABASE_URL=... -e SECRET_KEY=... smartexpense
#
# The image runs the production config (config/production.yaml); see the
# README for the environment variables it needs.

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
# Build the dependencies first so that code changes reuse this layer.
COPY Cargo.toml Cargo.lock ./
COPY migration/Cargo.toml migration/Cargo.toml
RUN mkdir -p src/bin migration/src \
    && echo 'fn main() {}' > src/bin/main.rs \
    && touch src/lib.rs migration/src/lib.rs \
    && cargo build --release --locked || true
COPY . .
# Make cargo notice the real sources over the placeholders above.
RUN touch src/lib.rs src/bin/main.rs migration/src/lib.rs \
    && cargo build --release --locked --bin smartexpense-cli \
    && strip target/release/smartexpense-cli

# Tesseract reads receipts' text; Poppler's pdftoppm draws PDF receipts.
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata \
       tesseract-ocr tesseract-ocr-eng poppler-utils \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin smartexpense
WORKDIR /app
COPY --from=build /src/target/release/smartexpense-cli /usr/local/bin/smartexpense
COPY --from=build /src/config ./config
COPY --from=build /src/views ./views
COPY --from=build /src/assets ./assets
RUN mkdir -p /app/data && chown smartexpense /app/data
USER smartexpense
ENV LOCO_ENV=production
EXPOSE 5150
# `start --all` serves pages and runs background jobs and the scheduler in one
# process; scaled out, run `start` (web), `start --worker` and one
# `start --scheduler` instead.
CMD ["smartexpense", "start", "--all"]
