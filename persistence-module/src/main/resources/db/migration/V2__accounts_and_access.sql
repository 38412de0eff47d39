create table users (
    id                 uuid         not null primary key,
    email              varchar(254) not null,
    display_name       varchar(100) not null,
    password_hash      varchar(512) not null,
    role               varchar(16)  not null default 'USER',
    disabled           boolean      not null default false,
    created_at         timestamp with time zone not null,
    last_login_at      timestamp with time zone,
    tokens_valid_after timestamp with time zone not null,
    constraint users_email_key unique (email),
    constraint users_role_check check (role in ('USER', 'ADMIN'))
);

create table revoked_tokens (
    jti        varchar(64) not null primary key,
    expires_at timestamp with time zone not null
);

create index revoked_tokens_expiry_idx on revoked_tokens (expires_at);

alter table rooms add column manage_token_hash varchar(64);
alter table rooms add constraint rooms_owner_fk foreign key (owner_id) references users (id);

create table room_members (
    room_id    uuid        not null,
    user_id    uuid        not null,
    role       varchar(16) not null,
    created_at timestamp with time zone not null,
    constraint room_members_pk primary key (room_id, user_id),
    constraint room_members_room_fk foreign key (room_id) references rooms (id) on delete cascade,
    constraint room_members_user_fk foreign key (user_id) references users (id) on delete cascade,
    constraint room_members_role_check check (role in ('OWNER', 'EDITOR', 'VIEWER'))
);

create index room_members_user_idx on room_members (user_id);

create table room_invitations (
    room_id    uuid         not null,
    email      varchar(254) not null,
    role       varchar(16)  not null,
    invited_by uuid,
    created_at timestamp with time zone not null,
    constraint room_invitations_pk primary key (room_id, email),
    constraint room_invitations_room_fk foreign key (room_id) references rooms (id) on delete cascade,
    constraint room_invitations_role_check check (role in ('OWNER', 'EDITOR', 'VIEWER'))
);

create index room_invitations_email_idx on room_invitations (email);
create index rooms_deleted_idx on rooms (deleted_at);
