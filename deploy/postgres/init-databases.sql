-- Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d).
-- One database per service: a service never reads another service's tables.
-- An existing data directory is not re-initialised: on upgrade, create a new database by hand
-- (deploy/README.md).
CREATE DATABASE mops_gateway;
CREATE DATABASE mops_inventory;
CREATE DATABASE mops_org;
CREATE DATABASE mops_scoring;
-- Last: the compose healthcheck names it.
CREATE DATABASE mops_webhooks;
