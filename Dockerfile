# syntax=docker/dockerfile:1
# Build stage: install Sooth and its runtime dependencies into a virtual environment.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/sooth
COPY pyproject.toml README.md ./
COPY forecasts ./forecasts
COPY resolvers ./resolvers
COPY service ./service
RUN /opt/sooth/bin/pip install .

# Runtime stage: the virtual environment only, run by an unprivileged user.
FROM python:3.11-slim
ENV PATH=/opt/sooth/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    SOOTH_VAR_DIR=/var/lib/sooth
RUN useradd --system --create-home --home-dir /var/lib/sooth --uid 10001 sooth
COPY --from=build /opt/sooth /opt/sooth
USER sooth
WORKDIR /var/lib/sooth
VOLUME ["/var/lib/sooth"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health', timeout=4).status == 200 else 1)"
# Configuration comes from the environment (SOOTH_DATABASE_URL, SOOTH_SECRET_KEY, ...).
# Run `sooth migrate` once per database before the first start (docker run ... sooth migrate).
CMD ["sooth", "serve", "--host", "0.0.0.0", "--port", "8000"]
