-- Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d).
-- One database per service: a service never reads another service's tables.
CREATE DATABASE mops_gateway;
CREATE DATABASE mops_inventory;
CREATE DATABASE mops_org;
CREATE DATABASE mops_scoring;
