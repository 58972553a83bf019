# Sejawat in a container: `docker compose up -d` (compose.yaml) runs it with PostgreSQL and a
# TLS proxy. The bot reads /config/config.toml (mount your config.toml there) and the
# environment (SEJAWAT_<SECTION>__<KEY>, e.g. from an .env file).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md config.example.toml ./
COPY bot ./bot
COPY handlers ./handlers
COPY flows ./flows
COPY routing ./routing
COPY escalation ./escalation
COPY storage ./storage
COPY sandbox ./sandbox
COPY locales ./locales
# Editable: the message catalogs (locales/) are read from beside the packages, not from
# inside one, so the code runs from /app where they are.
RUN pip install -e . \
    && useradd --create-home --uid 10001 sejawat \
    && mkdir -p /config /app/data \
    && chown sejawat:sejawat /app/data

USER sejawat
# webhook (telegram.webhook.port); /healthz and /metrics are served there too
EXPOSE 8443
CMD ["sejawat", "--config", "/config/config.toml", "run"]
