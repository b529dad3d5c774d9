CREATE DATABASE lanes_ops_config;
CREATE DATABASE lanes_intake;
CREATE DATABASE lanes_matter;
CREATE DATABASE lanes_kpi;
CREATE DATABASE lanes_subscription;
