create table rooms (
    id          uuid         not null primary key,
    slug        varchar(32)  not null,
    title       varchar(200) not null,
    language    varchar(40)  not null,
    owner_id    uuid,
    link_access varchar(16)  not null default 'EDIT',
    locked      boolean      not null default false,
    version     bigint       not null default 0,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    deleted_at  timestamp with time zone,
    constraint rooms_slug_key unique (slug),
    constraint rooms_link_access_check check (link_access in ('EDIT', 'VIEW', 'PRIVATE')),
    constraint rooms_version_check check (version >= 0)
);

create index rooms_owner_idx on rooms (owner_id);
